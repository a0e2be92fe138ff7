// Rule: write() after end() fails with ERR_STREAM_WRITE_AFTER_END: the callback gets it in a
// nextTick and the stream is destroyed with it ('error' then 'close').
const { Writable } = require('stream');
const w = new Writable({ write(chunk, enc, cb) { console.log('_write:' + chunk); cb(); } });
w.on('error', (e) => console.log('error:' + e.code));
w.on('finish', () => console.log('finish'));
w.on('close', () => console.log('close'));
w.write('a');
w.end();
const ret = w.write('b', (e) => console.log('cb:' + e.code));
console.log('ret:' + ret);
