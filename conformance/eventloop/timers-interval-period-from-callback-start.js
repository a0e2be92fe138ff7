// Rule: an interval's next period counts from the moment its callback starts (the loop time
// is refreshed then), not from the start of the timers phase. Here a 15 ms timer spins for
// 200 ms in the same timers phase, before the 20 ms interval runs, so the interval's second run
// comes at least 20 ms after the spin ended: after the 180 ms timer.
setTimeout(() => {
  console.log('spin');
  const end = Date.now() + 200;
  while (Date.now() < end) { /* spin */ }
}, 15);
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval' + n);
  if (n === 2) clearInterval(iv);
}, 20);
setTimeout(() => console.log('marker-180ms'), 180);
const end = Date.now() + 25;
while (Date.now() < end) { /* spin: the 15 ms and 20 ms lists are both due at the first timers phase */ }
