const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0).map(Number);
const n = data[0];
const tails = [];
for (let i = 1; i <= n; i++) {
    const value = data[i];
    let low = 0;
    let high = tails.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (tails[middle] < value) low = middle + 1; else high = middle;
    }
    tails[low] = value;
}
console.log(tails.length);
