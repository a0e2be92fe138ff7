// Rule: clearTimeout on a timer that is already due, from another timer's callback in the
// same timers phase, cancels it: the cleared timer never runs, whether it sits in the same
// duration list (t2) or in another list that is also due (t4). (Main spins 10 ms so that all
// of them are due when the first timers phase starts.)
const t1 = setTimeout(() => {
  console.log('t1');
  clearTimeout(t2);
  clearTimeout(t4);
}, 1);
const t2 = setTimeout(() => console.log('t2-never'), 1);
const t3 = setTimeout(() => console.log('t3'), 1);
const t4 = setTimeout(() => console.log('t4-never'), 2);
setTimeout(() => console.log('t5'), 2);
const end = Date.now() + 10;
while (Date.now() < end) { /* spin */ }
console.log('sync');
