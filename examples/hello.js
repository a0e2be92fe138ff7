// hello.js — run with: node examples/hello.js
// Does the same work as examples/hello.java (the start-up benchmark compares the two).
console.log("Hello from Eventide");
