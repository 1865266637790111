// Lines hold ASCII only, so the default UTF-16 code unit order is the byte order.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const sorted = lines.slice(1, n + 1).sort();
process.stdout.write(sorted.join('\n') + '\n');
