// Rule: Promise.any rejects only when every input has rejected, with an AggregateError whose
// errors are in input order, not in the order the inputs rejected.
let rejectA;
let rejectB;
const a = new Promise((_, reject) => { rejectA = reject; });
const b = new Promise((_, reject) => { rejectB = reject; });
Promise.any([a, b]).catch((e) => {
  console.log('any:' + e.constructor.name + ':' + e.errors.map((x) => x.message).join('+'));
});
setImmediate(() => {
  console.log('reject-b');
  rejectB(new Error('b'));
  setImmediate(() => {
    console.log('reject-a');
    rejectA(new Error('a'));
  });
});
