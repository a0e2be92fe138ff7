// Port of promise-any-all-rejected.js: any rejects once every input rejected, with the errors
// in input order, not in rejection order.
import module dev.eventide;

Consumer<Throwable> rejectA;
Consumer<Throwable> rejectB;

void main() {
    var a = new Promise<String>((resolve, reject) -> { rejectA = reject; });
    var b = new Promise<String>((resolve, reject) -> { rejectB = reject; });
    Promise.any(List.of(a, b)).catchError(e -> {
        IO.println("any:" + e.getClass().getSimpleName() + ":" + ((AggregateError) e).errors().stream()
                .map(Throwable::getMessage).collect(Collectors.joining("+")));
        return null;
    });
    Timers.setImmediate(() -> {
        IO.println("reject-b");
        rejectB.accept(new RuntimeException("b"));
        Timers.setImmediate(() -> {
            IO.println("reject-a");
            rejectA.accept(new RuntimeException("a"));
        });
    });
}
