// http.request(url, {signal}) aborted before it starts and while its body is still being sent
// (the response head already in), and fetch(url, {signal}) aborted before and while waiting for
// the head; HttpClientTest mirrors it. (Eventide's request closes once its body is sent, before
// the response, where node's waits for the response: the scenario keeps the request open.)
const http = require('http');
const show = (tag, e) => console.log(tag + ':' + e.name + ':' + e.code + ':' + (e.cause ? e.cause.message : 'none'));
let release;
const server = http.createServer((req, res) => {
  if (req.url === '/slow') { release = () => res.end('late'); return; }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('part');
});
server.listen(0, '127.0.0.1', () => {
  const url = 'http://127.0.0.1:' + server.address().port;
  const r1 = http.request(url + '/', { signal: AbortSignal.abort(new Error('pre')) }, () => console.log('r1-response'));
  console.log('r1-destroyed:' + r1.destroyed);
  r1.on('error', (e) => show('r1-error', e));
  r1.on('close', () => {
    console.log('r1-close');
    const c = new AbortController();
    const r2 = http.request(url + '/', { method: 'POST', signal: c.signal }, (res) => {
      console.log('r2-response:' + res.statusCode);
      res.on('error', (e) => show('r2-res-error', e));
      res.on('close', () => { console.log('r2-res-close'); fetches(url); });
      res.on('data', (d) => { console.log('r2-data:' + d); c.abort(new Error('mid')); });
    });
    r2.on('error', (e) => show('r2-error', e));
    r2.on('close', () => console.log('r2-close'));
    r2.write('x');
  });
  r1.end();
});
function fetches(url) {
  fetch(url + '/', { signal: AbortSignal.abort(new Error('f-pre')) }).catch((e) => {
    console.log('f1:' + e.name + ':' + (e.message === 'f-pre'));
    const c = new AbortController();
    fetch(url + '/slow', { signal: c.signal }).catch((e2) => {
      console.log('f2:' + e2.name + ':' + (e2.message === 'f-mid'));
      release();
      server.closeAllConnections();
      server.close();
    });
    setTimeout(() => c.abort(new Error('f-mid')), 20);
  });
}
