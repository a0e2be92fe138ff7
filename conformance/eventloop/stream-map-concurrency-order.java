// Port of stream-map-concurrency-order.js: map's concurrency and in-order results.
import module dev.eventide;

int active = 0;

Promise<Object> later(Object v, int n) {
    Deferred<Object> d = Promise.withResolvers();
    int[] k = {n};
    Runnable[] f = new Runnable[1];
    f[0] = () -> {
        if (k[0]-- > 0) {
            Timers.setImmediate(f[0]::run);
        } else {
            d.resolve(v);
        }
    };
    f[0].run();
    return d.promise();
}

void main() {
    ReadableStream.from(List.of(1, 2, 3, 4)).map(x -> Promise.asyncCompose(() -> {
        active++;
        IO.println("start:" + x + " active:" + active);
        return later(x, (int) x == 1 ? 4 : 1).then(v -> {
            active--;
            IO.println("settled:" + x);
            return (int) x * 100;
        });
    }), new OperatorOptions().concurrency(2)).toArray().then(all -> {
        IO.println("result:" + all.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        return null;
    });
    IO.println("sync");
}
