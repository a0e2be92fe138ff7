// Rule: a timer's delay counts from when setTimeout is called (Node refreshes the loop time
// there), not from the cached time at the start of the current callback. B is created after
// 50 ms of synchronous work with a 20 ms delay, so it is due at 70 ms, after A (60 ms).
setTimeout(() => console.log('a-60ms'), 60);
const end = Date.now() + 50;
while (Date.now() < end) { /* spin */ }
setTimeout(() => console.log('b-20ms-after-50ms-work'), 20);
console.log('sync');
