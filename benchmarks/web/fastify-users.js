// Fastify 5 peer for benchmarks/web/web.sh: the same route as express-users.js, behind
// @fastify/helmet, Fastify's own pino request logging (its default: a line when a request comes
// in and one when it completes) writing to /dev/null, and @fastify/rate-limit with a limit never
// reached. usage: node fastify-users.js PORT
const fastify = require('fastify');
const pino = require('pino');

async function main() {
  const port = Number(process.argv[2] || 18082);
  const app = fastify({ loggerInstance: pino(pino.destination('/dev/null')) });
  // Awaited so that their hooks apply to the route declared after them.
  await app.register(require('@fastify/helmet'));
  await app.register(require('@fastify/rate-limit'), { max: 1_000_000_000, timeWindow: 60_000 });
  app.get('/users/:id', async (request) => ({ id: request.params.id, name: 'user ' + request.params.id, active: true }));
  await app.listen({ port, host: '127.0.0.1' });
}
main();
