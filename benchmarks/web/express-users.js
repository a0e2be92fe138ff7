// Express 5 peer for benchmarks/web/web.sh: GET /users/:id answers a small JSON object behind
// helmet's headers, a JSON-lines request logger (pino-http) writing to /dev/null and a rate
// limiter whose limit is never reached. usage: node express-users.js PORT
const express = require('express');
const helmet = require('helmet');
const { rateLimit } = require('express-rate-limit');
const pino = require('pino');
const pinoHttp = require('pino-http');

const port = Number(process.argv[2] || 18081);
const app = express();
app.use(helmet());
app.use(pinoHttp({ logger: pino(pino.destination('/dev/null')) }));
app.use(rateLimit({ windowMs: 60_000, limit: 1_000_000_000, standardHeaders: 'draft-7', legacyHeaders: false }));
app.get('/users/:id', (req, res) => {
  res.json({ id: req.params.id, name: 'user ' + req.params.id, active: true });
});
app.listen(port, '127.0.0.1');
