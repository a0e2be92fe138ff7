// Rule: push() after push(null) destroys the stream with ERR_STREAM_PUSH_AFTER_EOF.
const { Readable } = require('stream');
const r = new Readable({ read() {} });
r.on('error', (e) => console.log('error:' + e.code));
r.on('close', () => console.log('close'));
r.push(null);
console.log('ret:' + r.push('late'));
console.log('destroyed:' + r.destroyed);
