// Port of promise-async-return-promise-extra-ticks.js: an async function returning a value
// settles at once; returning (or resolving with) a promise costs two more microtask turns.
import module dev.eventide;

Promise<String> returnsValue() { return Promise.async(() -> "v"); }

Promise<Object> returnsPromise() { return Promise.async(() -> Promise.resolve("p")); }

void main() {
    returnsPromise().then(v -> { IO.println("returnsPromise-settled"); return null; });
    returnsValue().then(v -> { IO.println("returnsValue-settled"); return null; });
    new Promise<Object>((resolve, reject) -> resolve.accept(Promise.resolve()))
            .then(v -> { IO.println("resolvedWithPromise-settled"); return null; });
    Promise.resolve()
            .then(v -> { IO.println("t1"); return null; })
            .then(v -> { IO.println("t2"); return null; })
            .then(v -> { IO.println("t3"); return null; })
            .then(v -> { IO.println("t4"); return null; });
}
