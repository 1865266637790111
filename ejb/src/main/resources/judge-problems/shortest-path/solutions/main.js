// Distances reach 5 * 10^13 at most (50000 edges of 10^9): exact in a double.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0).map(Number);
const n = data[0];
const m = data[1];
const head = new Int32Array(n + 1).fill(-1);
const next = new Int32Array(m);
const to = new Int32Array(m);
const weight = new Float64Array(m);
for (let k = 0; k < m; k++) {
    const u = data[2 + 3 * k];
    to[k] = data[3 + 3 * k];
    weight[k] = data[4 + 3 * k];
    next[k] = head[u];
    head[u] = k;
}
// Binary heap of [distance, vertex].
const heap = [];
function push(item) {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent][0] <= heap[i][0]) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
    }
}
function pop() {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let smallest = i;
            if (left < heap.length && heap[left][0] < heap[smallest][0]) smallest = left;
            if (right < heap.length && heap[right][0] < heap[smallest][0]) smallest = right;
            if (smallest === i) break;
            [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
            i = smallest;
        }
    }
    return top;
}
const dist = new Array(n + 1).fill(-1);
push([0, 1]);
while (heap.length > 0) {
    const [d, u] = pop();
    if (dist[u] !== -1) continue;
    dist[u] = d;
    for (let k = head[u]; k !== -1; k = next[k]) {
        if (dist[to[k]] === -1) push([d + weight[k], to[k]]);
    }
}
process.stdout.write(dist.slice(1).join(' ') + '\n');
