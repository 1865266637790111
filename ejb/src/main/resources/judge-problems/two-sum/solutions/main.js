const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0).map(Number);
const n = data[0];
const target = data[1];
const seen = new Map();
for (let j = 0; j < n; j++) {
    const value = data[2 + j];
    if (seen.has(target - value)) {
        console.log(`${seen.get(target - value) + 1} ${j + 1}`);
        break;
    }
    seen.set(value, j);
}
