// Rule: readable.take(n) ends its stream after n values and destroys the source (an early
// return from its for-await loop), while drop(n) reads the source to its end.
const { Readable } = require('stream');
const src = Readable.from(['a', 'b', 'c', 'd']);
src.on('close', () => console.log('src-close destroyed:' + src.destroyed));
const taken = src.take(2);
taken.on('data', (d) => console.log('take:' + d));
taken.on('end', () => console.log('take-end'));
taken.on('close', () => {
  console.log('take-close');
  const src2 = Readable.from(['p', 'q', 'r']);
  src2.on('end', () => console.log('src2-end'));
  src2.drop(1).on('data', (d) => console.log('drop:' + d)).on('end', () => console.log('drop-end'));
});
