// hello.java — run with: bin/eventide examples/hello.java
// Does the same work as examples/hello.js (the start-up benchmark compares the two).
import module dev.eventide;

void main() {
    System.out.println("Hello from Eventide");
}
