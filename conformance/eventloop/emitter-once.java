// Port of emitter-once.js: a once() listener is removed before it is called.
import module dev.eventide;

void main() {
    var e = new EventEmitter();
    e.on("x", args -> IO.println("on-1"));
    e.once("x", args -> IO.println("once-2"));
    e.on("x", args -> IO.println("on-3"));
    e.emit("x");
    IO.println("count:" + e.listenerCount("x"));
    e.emit("x");
}
