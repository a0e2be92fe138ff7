// The same workloads as dev.eventide.benchmarks.ZlibBenchmark: gzipSync (level 6) and gunzipSync
// of 256 MiB of mixed text made by the same LCG as MixedText.java (byte for byte: the CRC-32 is
// printed to prove it). Each workload repeats whole operations for about WARMUP + MEASURE ms;
// the score is uncompressed bytes per second over the measured part. Prints one JSON line each.
'use strict';
const zlib = require('zlib');
const SIZE = 256 << 20;
const WARMUP_MS = Number(process.env.WARMUP_MS || 2000);
const MEASURE_MS = Number(process.env.MEASURE_MS || 5000);
const WORDS = ['the', 'event', 'loop', 'stream', 'buffer', 'request', 'response', 'timeout', 'socket', 'header',
  'chunk', 'gzip', 'deflate', 'worker', 'promise', 'error', 'value', 'Lorem', 'ipsum', 'dolor', 'sit', 'amet',
  'consectetur', 'adipiscing', 'elit', 'caf\u00e9', 'na\u00efve', '\u65e5\u672c', 'stra\u00dfe'].map((w) => Buffer.from(w));

function makeText(size) {
  const out = Buffer.alloc(size);
  let at = 0;
  let state = 12345;
  const next = () => { state = (Math.imul(state, 1103515245) + 12345) | 0; return state >>> 8; };
  const put = (b) => { if (typeof b === 'string') b = Buffer.from(b, 'latin1'); at += b.copy(out, at, 0, Math.min(b.length, size - at)); };
  while (at < size) {
    switch (next() % 4) {
      case 0:
        for (let i = 0; i < 8; i++) { put(WORDS[next() % WORDS.length]); put(' '); }
        put('\n');
        break;
      case 1:
        put('2024-05-' + (10 + next() % 20) + ' INFO ');
        put(WORDS[next() % WORDS.length]);
        put(' took ' + next() % 900 + 'ms\n');
        break;
      case 2:
        put('{"id":' + next() + ',"name":"');
        put(WORDS[next() % WORDS.length]);
        put('","ok":true}\n');
        break;
      default:
        put(next().toString(16) + next().toString(16) + '\n');
    }
  }
  return out;
}

function measure(name, op) {
  const warmEnd = Date.now() + WARMUP_MS;
  do { op(); } while (Date.now() < warmEnd);
  let ops = 0;
  const start = process.hrtime.bigint();
  const end = Date.now() + MEASURE_MS;
  do { op(); ops++; } while (Date.now() < end);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ benchmark: name, bytesPerSec: (ops * SIZE) / seconds, ops }));
}

const text = makeText(SIZE);
const packed = zlib.gzipSync(text, { level: 6 });
console.error(`input crc32 ${zlib.crc32 ? zlib.crc32(text) : 'n/a'}, gzip level 6 size ${packed.length}`);
console.log(JSON.stringify({ crc32: zlib.crc32 ? zlib.crc32(text) : null, packed: packed.length }));
measure('gzipLevel6', () => zlib.gzipSync(text, { level: 6 }));
measure('gunzip', () => zlib.gunzipSync(packed, { maxOutputLength: SIZE }));
