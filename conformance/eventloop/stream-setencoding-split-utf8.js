// Rule: setEncoding('utf8') joins a multi-byte character split across two pushed chunks;
// 'data' gets strings.
const { Readable } = require('stream');
const euro = Buffer.from('\u20ac');
const r = new Readable({ read() {} });
r.setEncoding('utf8');
r.on('data', (d) => console.log('data:' + typeof d + ':' + d.length + ':' + (d === '\u20ac' ? 'euro' : d)));
r.on('end', () => console.log('end'));
r.push(Buffer.from('a'));
r.push(euro.subarray(0, 1));
r.push(euro.subarray(1));
r.push(Buffer.from('b'));
r.push(null);
