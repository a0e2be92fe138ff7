// Port of emitter-events-once-await.js: awaiting events.once in a loop only catches emits made
// while a once() is pending. `await once(e, 'data')` is Events.once(...).then(rest).
import module dev.eventide;

EventEmitter e = new EventEmitter();

Promise<Void> consume(int i) {
    if (i >= 2) {
        IO.println("consumer-done");
        return Promise.resolve();
    }
    return Events.once(e, "data").thenCompose(args -> {
        IO.println("got:" + args[0]);
        return consume(i + 1);
    });
}

void main() {
    Promise.async(() -> consume(0));
    Timers.setImmediate(() -> {
        e.emit("data", "v1");
        e.emit("data", "v2-lost");
        IO.println("emitted-two");
        Timers.setImmediate(() -> e.emit("data", "v3"));
    });
}
