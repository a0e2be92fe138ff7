// Replaces (or appends) one section of benchmarks/RESULTS.md, delimited by
// <!-- NAME:begin --> and <!-- NAME:end -->, with the contents of a file.
// usage: node section.js RESULTS.md NAME CONTENT_FILE
'use strict';
const fs = require('fs');
const [file, name, contentFile] = process.argv.slice(2);
const begin = `<!-- ${name}:begin -->`;
const end = `<!-- ${name}:end -->`;
const body = `${begin}\n${fs.readFileSync(contentFile, 'utf8').trimEnd()}\n${end}`;
let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n\nEvery number here comes from a script in benchmarks/ run on the 2-core machine; the command is given with each table. Ratios compare Eventide with its peer measured in the same run.\n';
const i = text.indexOf(begin);
const j = text.indexOf(end);
if (i >= 0 && j > i) {
  text = text.slice(0, i) + body + text.slice(j + end.length);
} else {
  text = text.trimEnd() + '\n\n' + body + '\n';
}
fs.writeFileSync(file, text);
