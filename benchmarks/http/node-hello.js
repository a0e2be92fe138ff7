// The node:http peer of the HTTP load run: "Hello, World!" with keep-alive (node's defaults).
// usage: node node-hello.js PORT
'use strict';
const http = require('http');
const port = +process.argv[2];
http.createServer((req, res) => res.end('Hello, World!'))
  .listen(port, '127.0.0.1', () => console.log('node listening on ' + port));
