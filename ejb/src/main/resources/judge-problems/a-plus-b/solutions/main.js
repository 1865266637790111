const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);
const t = Number(data[0]);
const out = new Array(t);
for (let i = 0; i < t; i++) {
    out[i] = (BigInt(data[1 + 2 * i]) + BigInt(data[2 + 2 * i])).toString();
}
process.stdout.write(out.join('\n') + '\n');
