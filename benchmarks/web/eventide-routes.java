// The Eventide side of benchmarks/web/routes.sh: 1,000 routes of every shape Express 5 allows
// (parameters, several in one segment, wildcards with text after them, optional groups), the
// header limit raised to 256 KiB so that 100 KiB paths reach the router.
// usage: bin/eventide benchmarks/web/eventide-routes.java PORT
import module dev.eventide.web;

void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    WebApp app = Web.app();
    for (int i = 0; i < 1000; i++) {
        String path = route(i);
        app.get(path, (req, res, next) -> res.send("matched " + path));
    }
    Http.createServer(new HttpServerOptions().maxHeaderSize(256 * 1024), app.handler())
            .listen(port, "127.0.0.1", () -> System.err.println("eventide routes listening on " + port));
}

/** The same 1,000 routes as express-routes.js. */
String route(int i) {
    return switch (i % 8) {
        case 0 -> "/r" + i + "/:id";
        case 1 -> "/:a-:b-:c" + i;
        case 2 -> "/*head/x" + i + "/*tail/end";
        case 3 -> "/:file.:ext" + i;
        case 4 -> "/files{/:dir}{/:sub}/f" + i;
        case 5 -> "/*all" + i;
        case 6 -> "/:a/:b/:c/:d/w" + i;
        default -> "/-:x-:y-" + i;
    };
}
