// The web half of bin/eventide's AOT training (dev.eventide.cli.AotTraining copies this file to
// its scratch folder and runs it as a user's script, compiled in memory). A service built as
// examples/demo.java builds one (router, json() bodies, validate() with a JSON Schema and RE2J
// patterns, Jackson responses, security headers, compression, session cookies, serveStatic, a
// request logger writing to a null sink), served on 127.0.0.1 port 0 and driven by a dozen
// requests from Eventide's own HTTP client on the same loop, then closed. The JVM records the
// classes this loads and links, so a web service's first request finds them in the AOT cache.
// An unexpected answer throws, so a web layer that changed makes the training fail, not lie.
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

static final String LONG_NOTE = "{\"title\":\"long\",\"body\":\"" + "words to compress ".repeat(80) + "\"}";

/** One request: what is sent, the status expected and, if not null, the body expected. */
record Step(String method, String path, String body, String acceptEncoding, int status, String expected) {}

static final List<Step> STEPS = List.of(
        new Step("GET", "/", null, null, 200, null),
        new Step("POST", "/api/notes", "{\"title\":\"first\",\"tags\":[\"aot\"]}", null, 201, null),
        new Step("POST", "/api/notes", "{\"title\":\"\",\"extra\":1}", null, 400, null),
        new Step("POST", "/api/notes", LONG_NOTE, null, 201, null),
        new Step("PUT", "/api/notes/1", "{\"title\":\"edited\"}", null, 200, null),
        new Step("GET", "/api/notes/1", null, null, 200, null),
        new Step("GET", "/api/notes", null, "gzip, deflate", 200, null),
        new Step("GET", "/api/notes", null, "gzip, deflate, br, zstd", 200, null),
        new Step("GET", "/api/session", null, null, 200, "{\"visits\":1}"),
        new Step("GET", "/api/session", null, null, 200, "{\"visits\":2}"),
        new Step("DELETE", "/api/notes/2", null, null, 204, null),
        new Step("GET", "/api/notes/9", null, null, 404, null),
        new Step("GET", "/missing", null, null, 404, null),
        new Step("GET", "/healthz", null, null, 200, null),
        new Step("GET", "/metrics", null, null, 200, null));

final Map<Long, Map<String, Object>> notes = new LinkedHashMap<>();
long nextId = 1;
/** The session cookie the server set, sent back as a browser would. */
String cookie;

void main() {
    Path publicDir = Path.of(Proc.argv().get(1)).getParent().resolve("public");
    WebApp app = Web.app();
    app.use(Web.requestId());
    app.use(Web.logger(new RequestLogger.Options().sink(new LineWriter(OutputStream.nullOutputStream(), 1 << 16))));
    app.use(Web.securityHeaders());
    app.use(Web.compression());
    app.use(Web.health());
    app.use(Web.metrics());
    app.use(Web.serveStatic(publicDir.toString()));
    app.use("/api", Web.rateLimit(new RateLimit.Options().limit(1000).windowMs(60_000)));
    app.use("/api", Web.session(new Session.Options().secret("aot-training").sameSite("Lax")));
    app.use("/api", Web.json());
    app.use("/api", api());
    HttpServer server = app.listen(0, "127.0.0.1", null);
    server.on("listening", a -> send(server, 0));
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
    Map<String, Object> note = notes.get(Long.parseLong(req.param("id")));
    if (note == null) {
        res.status(404).json(Map.of("error", "no note " + req.param("id")));
    } else {
        found.accept(note);
    }
}

/** Sends step i, checks its answer, then the next one; closes the server after the last. */
void send(HttpServer server, int i) {
    if (i == STEPS.size()) {
        server.close();
        return;
    }
    Step step = STEPS.get(i);
    var options = new RequestOptions().method(step.method());
    if (step.body() != null) {
        options.header("content-type", "application/json");
    }
    if (step.acceptEncoding() != null) {
        options.header("accept-encoding", step.acceptEncoding());
    }
    if (cookie != null) {
        options.header("cookie", cookie);
    }
    String url = "http://127.0.0.1:" + server.address().port() + step.path();
    Http.fetch(url, options, step.body()).thenCompose(res -> res.bytes().then(body -> {
        check(step, res, body);
        send(server, i + 1);
        return null;
    }));
}

void check(Step step, FetchResponse res, Bytes body) {
    String text = body.toString();
    if (res.status() != step.status() || step.expected() != null && !step.expected().equals(text)) {
        throw new IllegalStateException(step.method() + " " + step.path() + " answered " + res.status() + " " + text);
    }
    String setCookie = res.header("set-cookie");
    if (setCookie != null) {
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
    }
}
