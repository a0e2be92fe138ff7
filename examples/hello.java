// hello.java — run with: bin/eventide examples/hello.java
// Does the same work as examples/hello.js, in the same order (a test compares their output,
// and the start-up benchmark compares their times).
import module dev.eventide;

void main() {
    Timers.setImmediate(() -> {
        System.out.println("immediate");
        Timers.setTimeout(() -> System.out.println("timeout"), 10);
    });
    Promise.resolve("promise").then(v -> { System.out.println(v); return null; });
    Proc.nextTick(() -> System.out.println("tick"));
    Proc.on("exit", args -> System.out.println("exit " + args[0]));
    System.out.println("main");
}
