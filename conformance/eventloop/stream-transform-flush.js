// Rule: a Transform's flush runs after the last transform when the writable side ends; what it
// pushes comes before 'end'; 'finish' comes before 'end'.
const { Transform } = require('stream');
const t = new Transform({
  objectMode: true,
  transform(chunk, enc, cb) { console.log('transform:' + chunk); cb(null, chunk * 10); },
  flush(cb) { console.log('flush'); this.push('tail'); cb(null, 'last'); },
});
t.on('data', (d) => console.log('data:' + d));
t.on('prefinish', () => console.log('prefinish'));
t.on('finish', () => console.log('finish'));
t.on('end', () => console.log('end'));
t.on('close', () => console.log('close'));
t.write(1);
t.write(2);
t.end();
console.log('sync');
