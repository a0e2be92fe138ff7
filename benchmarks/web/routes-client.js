// Sends each crafted 100 KiB path to 127.0.0.1:PORT (after WARMUP unmeasured rounds), ROUNDS
// times, one request at a time on a keep-alive connection, and prints one JSON line per path
// kind: the status and the median and worst time to the full answer, in ms.
// usage: node routes-client.js PORT [ROUNDS] [WARMUP]
const http = require('http');
const [port, rounds, warmup] = [Number(process.argv[2]), Number(process.argv[3] || 20), Number(process.argv[4] || 5)];
const K = 100 * 1024;
const paths = {
  'a-': '/' + 'a-'.repeat(K / 2),
  dashes: '/' + '-'.repeat(K),
  'x/': '/' + 'x/'.repeat(K / 2),
  'a.': '/' + 'a.'.repeat(K / 2) + 'z',
  'files/x0/': '/files/' + 'x0/'.repeat(Math.floor(K / 3)),
  '-a': '/' + '-a'.repeat(K / 2) + '-',
  '%41': '/' + '%41'.repeat(Math.floor(K / 3)),
};
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const once = (path) => new Promise((resolve, reject) => {
  const start = process.hrtime.bigint();
  const req = http.request({ host: '127.0.0.1', port, path, agent, maxHeaderSize: 262144 }, (res) => {
    res.resume();
    res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
  });
  req.on('error', reject);
  req.end();
});
(async () => {
  for (const [kind, path] of Object.entries(paths)) {
    for (let i = 0; i < warmup; i++) await once(path);
    const times = [];
    let status;
    for (let i = 0; i < rounds; i++) { const r = await once(path); times.push(r.ms); status = r.status; }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ kind, status, median: times[Math.floor(times.length / 2)], max: times[times.length - 1] }));
  }
  agent.destroy();
})();
