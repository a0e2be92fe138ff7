// Rule: async iteration of a readable yields every chunk in order, and the stream is closed
// (destroyed) when the loop completes; a break destroys it early.
const { Readable } = require('stream');
async function main() {
  const r = Readable.from(['p', 'q', 'r']);
  r.on('close', () => console.log('close-1'));
  for await (const c of r) console.log('chunk:' + c);
  console.log('loop-done:' + r.destroyed);
  const r2 = Readable.from(['s', 't', 'u']);
  r2.on('close', () => console.log('close-2'));
  for await (const c of r2) { console.log('chunk:' + c); break; }
  console.log('after-break:' + r2.destroyed);
}
main().then(() => console.log('main-done'));
