// hello.js — run with: node examples/hello.js
// Does the same work as examples/hello.java, in the same order (a test compares their output,
// and the start-up benchmark compares their times).
setImmediate(() => {
  console.log('immediate');
  setTimeout(() => console.log('timeout'), 10);
});
Promise.resolve('promise').then((v) => { console.log(v); });
process.nextTick(() => console.log('tick'));
process.on('exit', (code) => console.log('exit ' + code));
console.log('main');
