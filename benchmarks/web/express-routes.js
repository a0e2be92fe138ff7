// The Express 5 side of benchmarks/web/routes.sh: the same 1,000 routes as eventide-routes.java.
// Run with node --max-http-header-size=262144 so 100 KiB paths reach the router.
// usage: node --max-http-header-size=262144 express-routes.js PORT
const express = require('express');
const port = Number(process.argv[2]);
const app = express();
const route = (i) => [
  `/r${i}/:id`, `/:a-:b-:c${i}`, `/*head/x${i}/*tail/end`, `/:file.:ext${i}`,
  `/files{/:dir}{/:sub}/f${i}`, `/*all${i}`, `/:a/:b/:c/:d/w${i}`, `/-:x-:y-${i}`][i % 8];
for (let i = 0; i < 1000; i++) {
  const path = route(i);
  app.get(path, (req, res) => res.send('matched ' + path));
}
app.listen(port, '127.0.0.1', () => console.error('express routes listening on ' + port));
