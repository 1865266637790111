const fs = require('fs');
let written = 0;
for (const path of ['/box/evil', '/usr/evil', '/etc/evil', '/evil', '/dev/evil']) {
    try {
        fs.writeFileSync(path, 'x');
        written++;
    } catch (e) {
        // expected: read-only or missing
    }
}
if (written === 0) {
    throw new Error('every write outside /tmp failed');
}
console.log(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number).reduce((x, y) => x + y));
