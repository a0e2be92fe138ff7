// Port of promise-async-throw-rejects.js: a throw inside an async function rejects its promise
// instead of reaching the caller.
import module dev.eventide;

Promise<Object> boom() {
    return Promise.async(() -> {
        IO.println("boom-start");
        throw new RuntimeException("async-throw");
    });
}

void main() {
    Promise<Object> p = boom();
    IO.println("after-call");
    p.catchError(e -> { IO.println("caught:" + e.getMessage()); return null; });
}
