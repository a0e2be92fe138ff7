// Eventide's demo service: a small notes service on 127.0.0.1:8080 (PORT to change it), built
// the way a Node developer builds one with Express and its usual middleware.
//
//   bin/eventide examples/demo.java            then open http://127.0.0.1:8080/
//
// What it shows: a static page (demo-public/), a JSON API for notes (create, read, update,
// delete; bodies validated against a JSON Schema), a session cookie counting your visits,
// compression, helmet's security headers, a rate limit on the API, request ids and one JSON log
// line per request on stdout, /healthz and /readyz for a load balancer, Prometheus metrics on
// /metrics, and a graceful shutdown on SIGINT (Ctrl-C) or SIGTERM: readiness turns false, the
// requests in flight complete, then the process exits with status 0.
import module dev.eventide.web;

static final String NOTE_SCHEMA = """
        {
          "type": "object",
          "required": ["title"],
          "additionalProperties": false,
          "properties": {
            "title": {"type": "string", "minLength": 1, "maxLength": 200},
            "body": {"type": "string", "maxLength": 10000},
            "tags": {"type": "array", "maxItems": 10, "items": {"type": "string", "pattern": "^[a-z0-9-]{1,32}$"}}
          }
        }""";

/** The notes, in memory (this is a demo: a real service would keep them in a database). */
final Map<Long, Map<String, Object>> notes = new LinkedHashMap<>();
long nextId = 1;

void main() {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    Path publicDir = Path.of(Proc.argv().get(1)).toAbsolutePath().getParent().resolve("demo-public");
    String secret = System.getenv().getOrDefault("SESSION_SECRET", Crypto.randomUUID());

    WebApp app = Web.app();
    Health health = Web.health();
    app.use(Web.requestId());
    app.use(Web.logger());
    app.use(Web.securityHeaders());
    app.use(Web.compression());
    app.use(health);
    app.use(Web.metrics());
    app.use(Web.serveStatic(publicDir.toString()));
    app.use("/api", Web.rateLimit(new RateLimit.Options().limit(300).windowMs(60_000)));
    app.use("/api", Web.session(new Session.Options().secret(secret).sameSite("Lax")));
    app.use("/api", Web.json());
    app.use("/api", api());
    app.use("/api", (req, res, next) -> res.status(404).json(Map.of("error", "no such endpoint")));

    app.listen(port, "127.0.0.1", () -> System.err.println("demo listening on http://127.0.0.1:" + port + "/"));
    health.gracefulShutdown(app, new ShutdownOptions().readinessDelay(200).deadline(10_000)
            .onClosed(() -> System.err.println("demo stopped: every request answered")));
}

Router api() {
    Router api = Web.router();
    Handler validNote = Web.validate(NOTE_SCHEMA);
    api.get("/notes", (req, res, next) -> res.json(List.copyOf(notes.values())));
    api.post("/notes", validNote, (req, res, next) -> {
        Map<String, Object> note = note(nextId++, req.body());
        notes.put((Long) note.get("id"), note);
        res.status(201).location("/api/notes/" + note.get("id")).json(note);
    });
    api.get("/notes/:id", (req, res, next) -> withNote(req, res, note -> res.json(note)));
    api.put("/notes/:id", validNote, (req, res, next) -> withNote(req, res, old -> {
        Map<String, Object> note = note((Long) old.get("id"), req.body());
        note.put("createdAt", old.get("createdAt"));
        notes.put((Long) note.get("id"), note);
        res.json(note);
    }));
    api.delete("/notes/:id", (req, res, next) -> withNote(req, res, note -> {
        notes.remove((Long) note.get("id"));
        res.sendStatus(204);
    }));
    api.get("/session", (req, res, next) -> {
        SessionData session = req.attr("session");
        int visits = session.get("visits") instanceof Number n ? n.intValue() + 1 : 1;
        session.put("visits", visits);
        res.json(Map.of("visits", visits));
    });
    // A slow dependency, to try the graceful shutdown: a request in flight still completes.
    api.get("/slow", (req, res, next) -> {
        long ms = Math.min(10_000, Long.parseLong(Objects.requireNonNullElse(req.query("ms"), "1000")));
        Timers.setTimeout(() -> res.json(Map.of("waited", ms)), ms);
    });
    return api;
}

@SuppressWarnings("unchecked")
Map<String, Object> note(long id, Object body) {
    Map<String, Object> fields = (Map<String, Object>) body;
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("id", id);
    note.put("title", fields.get("title"));
    note.put("body", fields.getOrDefault("body", ""));
    note.put("tags", fields.getOrDefault("tags", List.of()));
    note.put("createdAt", java.time.Instant.now().toString());
    return note;
}

void withNote(WebRequest req, WebResponse res, java.util.function.Consumer<Map<String, Object>> found) {
    Long id = parseId(req.param("id"));
    Map<String, Object> note = id == null ? null : notes.get(id);
    if (note == null) {
        res.status(404).json(Map.of("error", "no note " + req.param("id")));
    } else {
        found.accept(note);
    }
}

Long parseId(String text) {
    try {
        return Long.parseLong(text);
    } catch (NumberFormatException e) {
        return null;
    }
}
