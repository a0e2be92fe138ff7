package dev.eventide.http;

import dev.eventide.loop.NodeOracle;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Sends raw request bytes to node's own http server (running a handler written in JS) and
 * returns the bytes node answers with, Date values replaced; null when node is absent. The
 * Java tests send the same bytes to Eventide and compare. Test threads only.
 */
final class NodeHttpOracle {
    private NodeHttpOracle() {}

    static String answer(String handlerJs, String setupJs, String request) {
        String hex = HexFormat.of().formatHex(request.getBytes(StandardCharsets.ISO_8859_1));
        String js = """
                const http = require('http'), net = require('net');
                const s = http.createServer((req, res) => { %s });
                %s
                s.listen(0, '127.0.0.1', () => {
                  const c = net.connect(s.address().port, '127.0.0.1');
                  c.write(Buffer.from('%s', 'hex'));
                  const d = [];
                  c.on('data', x => d.push(x));
                  c.on('error', () => {});
                  c.on('close', () => {
                    const text = Buffer.concat(d).toString('latin1').replace(/Date: [^\\r]*\\r\\n/g, 'Date: X\\r\\n');
                    console.log(Buffer.from(text, 'latin1').toString('hex'));
                    process.exit(0);
                  });
                });
                """.formatted(handlerJs, setupJs, hex);
        List<String> out = NodeOracle.stdout(js);
        if (out == null) {
            return null;
        }
        return new String(HexFormat.of().parseHex(out.isEmpty() ? "" : out.get(0)), StandardCharsets.ISO_8859_1);
    }
}
