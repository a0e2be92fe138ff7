// The Eventide peer of benchmarks/web/web.sh, run through bin/eventide as a user runs it:
// GET /users/:id answers a small JSON object behind helmet's headers, a JSON-lines request
// logger (stdout, which the script sends to /dev/null) and a rate limiter whose limit is never
// reached. usage: bin/eventide benchmarks/web/eventide-users.java PORT
import module dev.eventide.web;

void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    WebApp app = Web.app();
    app.use(Web.securityHeaders());
    app.use(Web.logger());
    app.use(Web.rateLimit(new RateLimit.Options().limit(1_000_000_000).windowMs(60_000)));
    app.get("/users/:id", (req, res, next) -> {
        String id = req.param("id");
        res.json(new User(id, "user " + id, true));
    });
    app.listen(port, "127.0.0.1", () -> System.err.println("eventide listening on " + port));
}

record User(String id, String name, boolean active) {}
