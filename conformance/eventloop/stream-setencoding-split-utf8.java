// Port of stream-setencoding-split-utf8.js: setEncoding joins a split multi-byte character.
import module dev.eventide;

void main() {
    var euro = Bytes.from("\u20ac");
    var r = new ReadableStream(new StreamOptions().read((self, size) -> { }));
    r.setEncoding("utf8");
    r.on("data", args -> {
        String d = (String) args[0];
        IO.println("data:string:" + d.length() + ":" + (d.equals("\u20ac") ? "euro" : d));
    });
    r.on("end", args -> IO.println("end"));
    r.push(Bytes.from("a"));
    r.push(euro.subarray(0, 1));
    r.push(euro.subarray(1));
    r.push(Bytes.from("b"));
    r.push(null);
}
