const kept = [];
while (true) {
    kept.push(new Array(1 << 16).fill(1.5));
}
