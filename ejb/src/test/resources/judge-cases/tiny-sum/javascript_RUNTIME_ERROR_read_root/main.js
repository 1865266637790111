require('fs').readdirSync('/root');
console.log(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number).reduce((x, y) => x + y));
