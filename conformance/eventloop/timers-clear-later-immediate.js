// Rule: clearImmediate from an earlier immediate cancels a later one queued for the same
// check phase; the ones after it still run, in order.
setImmediate(() => {
  console.log('a');
  clearImmediate(b);
});
const b = setImmediate(() => console.log('b-never'));
setImmediate(() => console.log('c'));
