// Rule: an unref'd interval keeps running while a ref'd timeout keeps the loop alive; once
// that timeout has fired, the process exits even though the interval is still active.
let n = 0;
const iv = setInterval(() => {
  n++;
  if (n <= 2) console.log('interval' + n);
}, 10);
iv.unref();
console.log('hasRef:' + iv.hasRef());
setTimeout(() => console.log('timeout-200ms'), 200);
process.on('exit', () => console.log('exit:interval-ran-' + (n >= 2)));
