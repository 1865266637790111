// Spawns children forever, ignoring failures. Yielding to the event loop between bursts lets the
// failed spawns be collected, so the run ends on the CPU limit, not on memory.
const { spawn } = require('child_process');
function burst() {
    for (let i = 0; i < 50; i++) {
        try {
            spawn('/bin/sh', ['-c', 'sleep 100']).on('error', () => {});
        } catch (e) {
            // keep trying: the pids limit must hold
        }
    }
    setImmediate(burst);
}
burst();
