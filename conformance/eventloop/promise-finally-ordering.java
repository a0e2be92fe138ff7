// Port of promise-finally-ordering.js: finally runs on either outcome and passes the outcome
// through (extra turns); a throw in it replaces the outcome.
import module dev.eventide;

void main() {
    Promise.resolve("v")
            .andFinally(() -> IO.println("finally-fulfilled"))
            .then(v -> { IO.println("after-finally:" + v); return null; });
    Promise.<String>reject(new RuntimeException("r"))
            .andFinally(() -> IO.println("finally-rejected"))
            .catchError(e -> { IO.println("after-finally-caught:" + e.getMessage()); return null; });
    Promise.resolve("x")
            .andFinally(() -> { throw new RuntimeException("from-finally"); })
            .catchError(e -> { IO.println("replaced:" + e.getMessage()); return null; });
    Promise.resolve()
            .then(v -> { IO.println("t1"); return null; })
            .then(v -> { IO.println("t2"); return null; })
            .then(v -> { IO.println("t3"); return null; })
            .then(v -> { IO.println("t4"); return null; })
            .then(v -> { IO.println("t5"); return null; });
    IO.println("sync");
}
