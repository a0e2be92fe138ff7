// Rule: pause() emits 'pause' at once and stops 'data'; resume() schedules the flow in a
// nextTick and emits 'resume' before the buffered data.
const { Readable } = require('stream');
const r = new Readable({ objectMode: true, read() {} });
r.on('pause', () => console.log('pause'));
r.on('resume', () => console.log('resume'));
r.on('data', (d) => {
  console.log('data:' + d);
  if (d === 1) {
    r.pause();
    console.log('isPaused:' + r.isPaused());
    setImmediate(() => { console.log('resuming'); r.resume(); });
  }
});
r.on('end', () => console.log('end'));
r.push(1); r.push(2); r.push(3); r.push(null);
console.log('sync');
