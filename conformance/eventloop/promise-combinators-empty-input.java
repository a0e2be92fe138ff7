// Port of promise-combinators-empty-input.js: all/allSettled of nothing fulfil at once, any
// rejects at once with an empty AggregateError, race stays pending without keeping us alive.
import module dev.eventide;

void main() {
    Promise.resolve()
            .then(v -> { IO.println("t1"); return null; })
            .then(v -> { IO.println("t2"); return null; });
    Promise.all(List.<Promise<String>>of()).then(v -> { IO.println("all:" + v.size()); return null; });
    Promise.allSettled(List.<Promise<String>>of()).then(v -> { IO.println("allSettled:" + v.size()); return null; });
    Promise.any(List.<Promise<String>>of()).catchError(e -> {
        IO.println("any:" + e.getClass().getSimpleName() + ":" + ((AggregateError) e).errors().size());
        return null;
    });
    Promise.race(List.<Promise<String>>of()).then(v -> { IO.println("race-never"); return null; });
    Proc.on("exit", args -> IO.println("exit"));
    IO.println("sync");
}
