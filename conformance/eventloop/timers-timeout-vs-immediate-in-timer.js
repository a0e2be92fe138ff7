// Rule: from a timer callback, setImmediate runs before setTimeout(0): the check phase of this
// iteration comes before the next timers phase, and a timer created during the timers phase
// never runs in that same phase, even when its 1 ms has passed (the callback spins 5 ms) and
// its list is the one being run. (Main spins 5 ms so that both first timers are due at once.)
setTimeout(() => {
  console.log('timer1');
  setTimeout(() => console.log('timeout-from-timer1'), 0);
  setImmediate(() => console.log('immediate-from-timer1'));
  const end = Date.now() + 5;
  while (Date.now() < end) { /* spin */ }
}, 0);
setTimeout(() => console.log('timer2-same-list'), 0);
const end = Date.now() + 5;
while (Date.now() < end) { /* spin */ }
