// Rule: refresh() on a timeout that already fired schedules it again with its original
// delay; refresh() on a cleared timeout does nothing. refresh() returns the timer.
const fired = setTimeout(() => console.log('fired'), 5);
const cleared = setTimeout(() => console.log('cleared-never'), 5);
clearTimeout(cleared);
setTimeout(() => {
  console.log('refreshing');
  console.log('same:' + (fired.refresh() === fired));
  cleared.refresh();
}, 20);
process.on('exit', () => console.log('exit'));
