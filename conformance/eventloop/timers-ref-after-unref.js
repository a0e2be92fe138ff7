// Rule: ref() after unref() makes a timer keep the loop alive again, so it fires.
const t = setTimeout(() => console.log('fired'), 20);
t.unref();
console.log('after-unref:' + t.hasRef());
t.ref();
console.log('after-ref:' + t.hasRef());
process.on('exit', () => console.log('exit'));
