// Port of promise-await-resolved-value.js: an async function runs synchronously up to its
// first await; awaiting a plain value costs exactly one microtask turn.
import module dev.eventide;

// async function f(): each `await x; rest` is `Promise.resolve(x).then(v -> rest)`.
Promise<Object> f() {
    return Promise.async(() -> {
        IO.println("f-start");
        return Promise.resolve(1).then(a -> {
            IO.println("f-after-await1");
            return Promise.resolve(2).then(b -> {
                IO.println("f-after-await2");
                return null;
            });
        });
    });
}

void main() {
    Promise.resolve()
            .then(v -> { IO.println("p1"); return null; })
            .then(v -> { IO.println("p2"); return null; })
            .then(v -> { IO.println("p3"); return null; });
    f();
    IO.println("sync");
}
