// Rule: process.exitCode set by the script is the code 'beforeExit' and 'exit' receive and
// the code the process ends with when the loop runs dry.
process.on('beforeExit', (code) => console.log('beforeExit:' + code));
process.on('exit', (code) => console.log('exit:' + code));
setTimeout(() => {
  process.exitCode = 4;
  console.log('set');
}, 1);
