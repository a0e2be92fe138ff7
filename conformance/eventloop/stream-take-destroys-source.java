// Port of stream-take-destroys-source.js: take(n) destroys its source, drop(n) reads it all.
import module dev.eventide;

void main() {
    var src = ReadableStream.from(List.of("a", "b", "c", "d"));
    src.on("close", args -> IO.println("src-close destroyed:" + src.destroyed()));
    var taken = src.take(2);
    taken.on("data", args -> IO.println("take:" + args[0]));
    taken.on("end", args -> IO.println("take-end"));
    taken.on("close", args -> {
        IO.println("take-close");
        var src2 = ReadableStream.from(List.of("p", "q", "r"));
        src2.on("end", a -> IO.println("src2-end"));
        var dropped = src2.drop(1);
        dropped.on("data", a -> IO.println("drop:" + a[0]));
        dropped.on("end", a -> IO.println("drop-end"));
    });
}
