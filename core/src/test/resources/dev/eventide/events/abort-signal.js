// AbortController/AbortSignal: default reasons, listener order and dedup, onabort's place,
// a throwing listener, once, any() and timeout(); AbortSignalTest mirrors it line by line.
const show = (r) => `${r.name}|${r.message}|${r.code}`;
const c = new AbortController();
console.log('aborted:' + c.signal.aborted + ' reason:' + c.signal.reason);
const l = () => console.log('dup');
c.signal.addEventListener('abort', l);
c.signal.addEventListener('abort', l);
const l2 = () => console.log('removed');
c.signal.addEventListener('abort', () => c.signal.removeEventListener('abort', l2));
c.signal.addEventListener('abort', l2);
c.signal.onabort = () => console.log('h1');
c.signal.addEventListener('abort', (e) => console.log('event:' + e.type + ':' + (e.target === c.signal)), { once: true });
c.signal.onabort = () => console.log('h2');
c.signal.addEventListener('abort', () => { throw new Error('boom'); });
c.signal.addEventListener('abort', () => console.log('after-throw'));
process.on('uncaughtException', (e) => console.log('uncaught:' + e.message));
console.log('before');
c.abort();
console.log('after:' + c.signal.aborted + ':' + show(c.signal.reason));
c.abort(new Error('again'));
console.log('kept:' + c.signal.reason.name);
try { c.signal.throwIfAborted(); } catch (e) { console.log('threw-reason:' + (e === c.signal.reason)); }
const s = AbortSignal.abort(new Error('given'));
console.log('static:' + s.aborted + ':' + s.reason.message);
const a = new AbortController(), b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
const any2 = AbortSignal.any([any]);
a.signal.addEventListener('abort', () => console.log('a-listener:' + any.aborted));
any.addEventListener('abort', () => console.log('any-listener:' + any2.aborted));
any2.addEventListener('abort', () => console.log('any2-listener:' + any2.reason.message));
b.abort(new Error('B'));
a.abort(new Error('A'));
console.log('any-reason:' + any.reason.message + ' pre-aborted:' + AbortSignal.any([a.signal, s]).reason.message);
try { AbortSignal.timeout(-1); } catch (e) { console.log(e.code + ':' + e.message); }
const t = AbortSignal.timeout(5);
t.onabort = () => console.log('timeout:' + show(t.reason));
setTimeout(() => console.log('done'), 20);
