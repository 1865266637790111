// Correct but O(n^2): must fail on time on the large tests.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = Number(lines[0]);
const sorted = [];
for (let i = 1; i <= n; i++) {
    const line = lines[i];
    let j = sorted.length;
    sorted.push(line);
    while (j > 0 && sorted[j - 1] > line) {
        sorted[j] = sorted[j - 1];
        j--;
    }
    sorted[j] = line;
}
process.stdout.write(sorted.join('\n') + '\n');
