// Rule: finished(w) calls back after 'finish' and 'close' when the stream will emit close;
// finished on an already finished stream calls back in a later tick.
const { Writable, finished } = require('stream');
const w = new Writable({ write(chunk, enc, cb) { cb(); } });
w.on('finish', () => console.log('finish'));
w.on('close', () => {
  console.log('close');
  finished(w, (err) => console.log('finished-late:' + err));
  console.log('after-late-finished');
});
finished(w, (err) => console.log('finished:' + err));
w.end('data');
