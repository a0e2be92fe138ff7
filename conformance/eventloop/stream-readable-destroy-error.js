// Rule: destroying a readable with an error emits 'error' then 'close' in one later tick, never
// 'end'; buffered data is not delivered after destroy.
const { Readable } = require('stream');
const r = new Readable({ objectMode: true, read() {} });
r.push('a');
r.push('b');
r.on('data', (d) => {
  console.log('data:' + d);
  r.destroy(new Error('stop'));
  console.log('destroyed:' + r.destroyed);
});
r.on('error', (e) => console.log('error:' + e.message));
r.on('end', () => console.log('end-never'));
r.on('close', () => console.log('close'));
process.nextTick(() => console.log('tick'));
