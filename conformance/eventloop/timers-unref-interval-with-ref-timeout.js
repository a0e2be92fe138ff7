// Rule: an unref'd interval keeps running while a ref'd timeout keeps the loop alive; once
// that timeout has fired, the process exits even though the interval is still active.
// The timeout re-arms itself (10 ms) until the interval has run twice: on a stalled machine,
// whose first timers pass comes after 200 ms, the trace is then the same.
let n = 0;
const iv = setInterval(() => {
  n++;
  if (n <= 2) console.log('interval' + n);
}, 10);
iv.unref();
console.log('hasRef:' + iv.hasRef());
const done = () => {
  if (n < 2) {
    setTimeout(done, 10);
    return;
  }
  console.log('timeout-200ms');
};
setTimeout(done, 200);
process.on('exit', () => console.log('exit:interval-ran-' + (n >= 2)));
