// Rule: an exception thrown synchronously inside an async function does not reach the caller:
// the function returns a rejected promise, and the caller's code goes on.
async function boom() {
  console.log('boom-start');
  throw new Error('async-throw');
}
const p = boom();
console.log('after-call');
p.catch((e) => console.log('caught:' + e.message));
