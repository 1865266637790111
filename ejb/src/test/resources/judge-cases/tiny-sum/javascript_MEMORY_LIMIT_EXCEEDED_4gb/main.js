const block = Buffer.alloc(4 * 1024 ** 3 - 1).fill(1);
console.log(block.length);
