// Port of stream-async-iterator.js: for await over a readable (AsyncIterator.forEach), and a
// break (returning AsyncIterator.BREAK) that destroys the stream.
import module dev.eventide;

Promise<Void> main2() {
    var r = ReadableStream.from(List.of("p", "q", "r"));
    r.on("close", args -> IO.println("close-1"));
    return r.iterator().forEach(c -> {
        IO.println("chunk:" + c);
        return null;
    }).thenCompose(v -> {
        IO.println("loop-done:" + r.destroyed());
        var r2 = ReadableStream.from(List.of("s", "t", "u"));
        r2.on("close", args -> IO.println("close-2"));
        return r2.iterator().forEach(c -> {
            IO.println("chunk:" + c);
            return AsyncIterator.BREAK;
        }).then(x -> {
            IO.println("after-break:" + r2.destroyed());
            return null;
        });
    });
}

void main() {
    main2().then(v -> {
        IO.println("main-done");
        return null;
    });
}
