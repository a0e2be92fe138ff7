// Port of promise-thenable-adoption.js: Promise.resolve(thenable) calls its then in a job of
// its own; only the first resolve/reject counts; a throw after resolving is ignored.
import module dev.eventide;

void main() {
    Thenable<String> thenable = (resolve, reject) -> {
        IO.println("then-called");
        resolve.accept("first");
        resolve.accept("second");
        reject.accept(new RuntimeException("ignored"));
        throw new IllegalStateException("also-ignored");
    };
    Promise.<Object>resolve(thenable).then(
            v -> { IO.println("adopted:" + v); return null; },
            e -> { IO.println("rejected-never"); return null; });
    Promise.resolve()
            .then(v -> { IO.println("a1"); return null; })
            .then(v -> { IO.println("a2"); return null; })
            .then(v -> { IO.println("a3"); return null; });
    IO.println("sync");
}
