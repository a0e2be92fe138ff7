// Port of emitter-modify-during-emit.js: emit iterates a snapshot of the listeners.
import module dev.eventide;

void main() {
    var e = new EventEmitter();
    Listener b = args -> IO.println("b");
    Listener added = args -> IO.println("added");
    e.on("x", args -> {
        IO.println("a");
        e.removeListener("x", b);
        e.on("x", added);
    });
    e.on("x", b);
    e.emit("x");
    IO.println("second-emit");
    e.emit("x");
}
