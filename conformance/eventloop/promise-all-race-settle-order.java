// Port of promise-all-race-settle-order.js: race takes the first to settle, all keeps input
// order, allSettled waits for all, any takes the first fulfilled value; reactions on one input
// run in registration order.
import module dev.eventide;

Consumer<String> resolveSlow;
Consumer<String> resolveFast;

void main() {
    var slow = new Promise<String>((resolve, reject) -> { resolveSlow = resolve; });
    var fast = new Promise<String>((resolve, reject) -> { resolveFast = resolve; });
    Promise.race(List.of(slow, fast)).then(v -> { IO.println("race:" + v); return null; });
    Promise.all(List.of(slow, fast)).then(v -> { IO.println("all:" + String.join("+", v)); return null; });
    Promise.allSettled(List.of(slow, Promise.<String>reject(new RuntimeException("no"))))
            .then(rs -> {
                IO.println("allSettled:" + rs.stream().map(Settled::status).collect(Collectors.joining("+")));
                return null;
            });
    Promise.any(List.of(Promise.<String>reject(new RuntimeException("e")), fast))
            .then(v -> { IO.println("any:" + v); return null; });
    Timers.setImmediate(() -> {
        IO.println("fast-settled");
        resolveFast.accept("fast");
        Timers.setImmediate(() -> {
            IO.println("slow-settled");
            resolveSlow.accept("slow");
        });
    });
    IO.println("sync");
}
