// The sum of distances reaches 4 * 10^16, past 2^53: accumulate in BigInt.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0).map(Number);
const n = data[0];
const xs = Float64Array.from(data.slice(1, n + 1)).sort();
let total = 0n;
let prefix = 0n;
for (let i = 0; i < n; i++) {
    const x = BigInt(xs[i]);
    total += x * BigInt(i) - prefix;
    prefix += x;
}
const pairs = BigInt(n) * BigInt(n - 1) / 2n;
console.log((Number(total) / Number(pairs)).toFixed(9));
