// Port of emitter-sync-registration-order.js: emit is synchronous; listeners run in the order
// they were added; emit returns whether there were listeners.
import module dev.eventide;

void main() {
    var e = new EventEmitter();
    e.on("x", args -> IO.println("listener-a:" + args[0]));
    e.on("x", args -> IO.println("listener-b:" + args[0]));
    e.on("x", args -> IO.println("listener-c:" + args[0]));
    IO.println("before-emit");
    boolean had = e.emit("x", 1);
    IO.println("after-emit:" + had);
    IO.println("emit-none:" + e.emit("nobody"));
}
