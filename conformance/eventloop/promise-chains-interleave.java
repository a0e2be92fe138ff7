// Port of promise-chains-interleave.js: each .then runs one microtask turn after the one
// before it, so two chains started together take turns.
import module dev.eventide;

void main() {
    Promise.resolve()
            .then(v -> { IO.println("a1"); return null; })
            .then(v -> { IO.println("a2"); return null; })
            .then(v -> { IO.println("a3"); return null; });
    Promise.resolve()
            .then(v -> { IO.println("b1"); return null; })
            .then(v -> { IO.println("b2"); return null; })
            .then(v -> { IO.println("b3"); return null; });
    IO.println("sync");
}
