const line = 'x'.repeat(65535) + '\n';
const fs = require('fs');
while (true) {
    fs.writeSync(1, line);
}
