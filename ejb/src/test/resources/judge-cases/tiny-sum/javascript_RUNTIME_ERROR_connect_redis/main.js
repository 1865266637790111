const socket = require('net').connect(6390, '127.0.0.1', () => {
    console.log(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number).reduce((x, y) => x + y));
    socket.end();
});
socket.on('error', (e) => {
    console.error(e.message);
    process.exit(1);
});
