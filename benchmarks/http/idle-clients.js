// Opens N keep-alive connections to 127.0.0.1:PORT, sends one GET / on each, waits for every
// answer, prints "ready", then keeps them open (idle) until killed. Used by idle-memory.sh.
// usage: node idle-clients.js PORT N
'use strict';
const net = require('net');
const [port, n] = [+process.argv[2], +process.argv[3]];
const sockets = [];
let answered = 0;
let opened = 0;
function open() {
  // 200 connects in flight at a time: a burst of 10,000 would overflow the listen backlog.
  while (opened < n && opened - answered < 200) {
    opened++;
    const s = net.connect(port, '127.0.0.1');
    s.setNoDelay(true);
    let got = '';
    s.on('connect', () => s.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    s.on('data', (d) => {
      got += d;
      if (got.endsWith('Hello, World!')) {
        got = '';
        answered++;
        if (answered === n) console.log('ready');
        else open();
      }
    });
    s.on('error', (e) => { console.error('connection error', e.code); process.exit(1); });
    sockets.push(s);
  }
}
open();
