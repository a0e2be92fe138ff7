// The oracle for HookScopeTest: hook order across encapsulated contexts in fastify 5.12.8 (node 20).
// Not run by the build (fastify is not a dependency): `npm install fastify@5 && node fastify-subapp-hooks.js`.
// T is the root, A a plugin at /a, B a plugin of A at /a/b; every onSend appends "+<name>".
// It prints, for /a/b/x:    200 "x+T+A+B", then T,A,B onRequest; T,A,B preHandler; handler;
//                           T,A,B onSend; T,A,B onResponse
//               /other:     200 "other+T", T hooks only
//               /a/y:       200 "y+T+A", T then A for each kind
//               /a/b/boom:  500, T,A,B onError before T,A,B onSend and T,A,B onResponse
//               /a/b/slow:  T,A,B onTimeout
const Fastify = require('fastify');
const order = [];
function hooks(f, n) {
  f.addHook('onRequest', (req, rep, done) => { order.push(n + '.onRequest'); done(); });
  f.addHook('preHandler', (req, rep, done) => { order.push(n + '.preHandler'); done(); });
  f.addHook('onSend', (req, rep, payload, done) => { order.push(n + '.onSend ' + payload); done(null, payload + '+' + n); });
  f.addHook('onError', (req, rep, err, done) => { order.push(n + '.onError ' + err.message); done(); });
  f.addHook('onResponse', (req, rep, done) => { order.push(n + '.onResponse ' + rep.statusCode); done(); });
  f.addHook('onTimeout', (req, rep, done) => { order.push(n + '.onTimeout'); done(); });
}
const app = Fastify({ connectionTimeout: 300 });
hooks(app, 'T');
app.get('/other', (req, rep) => { order.push('handler /other'); rep.send('other'); });
app.register(async (a) => {
  hooks(a, 'A');
  a.get('/y', (req, rep) => { order.push('handler /a/y'); rep.send('y'); });
  a.register(async (b) => {
    hooks(b, 'B');
    b.get('/x', (req, rep) => { order.push('handler /a/b/x'); rep.send('x'); });
    b.get('/boom', (req, rep) => { order.push('handler /a/b/boom'); throw new Error('kaput'); });
    b.get('/slow', (req, rep) => { order.push('handler /a/b/slow'); });
  }, { prefix: '/b' });
}, { prefix: '/a' });
(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = app.server.address().port;
  for (const p of ['/a/b/x', '/other', '/a/y', '/a/b/boom']) {
    order.length = 0;
    const r = await fetch(`http://127.0.0.1:${port}${p}`);
    const body = await r.text();
    await new Promise(r => setTimeout(r, 50));
    console.log(p, r.status, JSON.stringify(body));
    console.log('  ' + order.join('\n  '));
  }
  order.length = 0;
  try { await fetch(`http://127.0.0.1:${port}/a/b/slow`); } catch (e) { console.log('/a/b/slow', e.cause && e.cause.code); }
  await new Promise(r => setTimeout(r, 100));
  console.log('  ' + order.join('\n  '));
  await app.close();
})();
