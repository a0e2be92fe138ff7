// Rule: with no 'unhandledRejection' listener, an unhandled rejection is raised as an uncaught
// exception with origin 'unhandledRejection'; an 'uncaughtException' listener handles it and
// the process goes on.
process.on('uncaughtException', (err, origin) => console.log('uncaught:' + err.message + ':' + origin));
Promise.reject(new Error('nolistener'));
setTimeout(() => console.log('timeout-still-runs'), 1);
process.on('exit', (code) => console.log('exit:' + code));
console.log('sync');
