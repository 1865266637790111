const { Worker } = require('worker_threads');
let started = 0;
function next() {
    const worker = new Worker('setInterval(() => {}, 1000);', { eval: true, resourceLimits: { maxOldGenerationSizeMb: 4 } });
    worker.on('online', () => { started++; next(); });
    worker.on('error', (e) => { console.error('worker failed after ' + started + ': ' + e.message); process.exit(1); });
}
next();
