console.log(-1);
