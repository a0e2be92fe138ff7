// The node:http peer of the idle-connection memory run (idle-memory.sh): "Hello, World!" with
// keep-alive (keepAliveTimeout raised to 10 minutes so the idle connections stay open), and
// GET /mem with rss and heapUsed after a full GC (run with --expose-gc).
// usage: node --expose-gc node-idle.js PORT
'use strict';
const http = require('http');
const port = +process.argv[2];
const server = http.createServer((req, res) => {
  if (req.url === '/mem') {
    global.gc(); global.gc();
    const m = process.memoryUsage();
    res.end(JSON.stringify({ rss: m.rss, heap: m.heapUsed, external: m.external }));
  } else {
    res.end('Hello, World!');
  }
});
server.keepAliveTimeout = 600_000;
server.headersTimeout = 601_000;
server.listen(port, '127.0.0.1', () => console.log('node listening on ' + port));
