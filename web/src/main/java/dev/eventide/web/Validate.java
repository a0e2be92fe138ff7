package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Schema validation of a request's body, query and route parameters (the issue's
 * {@code validate(schema)}), on networknt's json-schema-validator with draft 2020-12 unless a
 * schema's {@code $schema} says otherwise, and with patterns run by RE2J so that a schema cannot
 * be a ReDoS vector. Schemas are compiled once, when the handler is made (an invalid schema or
 * a pattern RE2 cannot run fails then). A failing request gets a 400 JSON answer
 * {@code {"code":"ERR_VALIDATION","message":...,"errors":[{"in","path","keyword","message"}]}},
 * paths being JSON Pointers into the part that failed. Query and params are coerced from
 * strings first (see {@link StringCoercion}); the coerced maps are left for handlers in
 * {@code req.attr("validatedQuery")} and {@code req.attr("validatedParams")}, while
 * {@code req.query()} and {@code req.params()} keep their strings. The handler runs on the loop
 * thread; validation is synchronous and bounded by the body limit and the schema.
 */
public final class Validate {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final Schema body;
    private final Schema query;
    private final Schema params;

    /** What to validate: each schema is a JSON string, a Map (as parsed JSON) or a Jackson JsonNode. */
    public static final class Options {
        private Object body;
        private Object query;
        private Object params;
        private String dialect = DRAFT_2020_12;
        private boolean formatAssertions;

        public Options body(Object schema) {
            this.body = schema;
            return this;
        }

        public Options query(Object schema) {
            this.query = schema;
            return this;
        }

        public Options params(Object schema) {
            this.params = schema;
            return this;
        }

        /** The dialect for schemas without {@code $schema} (default draft 2020-12's URI). */
        public Options dialect(String metaSchemaUri) {
            this.dialect = metaSchemaUri;
            return this;
        }

        /** Whether {@code format} fails validation (off by default, as 2020-12 makes it an annotation). */
        public Options formatAssertions(boolean on) {
            this.formatAssertions = on;
            return this;
        }
    }

    private Validate(Options o) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .regularExpressionFactory(Re2jRegexFactory.INSTANCE)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(o.formatAssertions)
                .locale(Locale.ROOT)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialectId(o.dialect, b -> b.schemaRegistryConfig(config));
        this.body = compile(registry, o.body);
        this.query = compile(registry, o.query);
        this.params = compile(registry, o.params);
    }

    public static Handler body(Object schema) {
        return create(new Options().body(schema));
    }

    public static Handler query(Object schema) {
        return create(new Options().query(schema));
    }

    public static Handler params(Object schema) {
        return create(new Options().params(schema));
    }

    public static Handler create(Options o) {
        return new Validate(o)::handle;
    }

    private static Schema compile(SchemaRegistry registry, Object schema) {
        if (schema == null) {
            return null;
        }
        Schema s = schema instanceof String json ? registry.getSchema(json, InputFormat.JSON)
                : registry.getSchema(schema instanceof JsonNode n ? n : MAPPER.valueToTree(schema));
        s.initializeValidators(); // compile every keyword (and pattern) now, not on the first request
        return s;
    }

    private void handle(WebRequest req, WebResponse res, Next next) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (params != null) {
            Map<String, Object> coerced = StringCoercion.coerce(req.params(), params.getSchemaNode());
            req.attr("validatedParams", coerced);
            check("params", params, MAPPER.valueToTree(coerced), errors);
        }
        if (query != null) {
            Map<String, Object> coerced = StringCoercion.coerce(req.query(), query.getSchemaNode());
            req.attr("validatedQuery", coerced);
            check("query", query, MAPPER.valueToTree(coerced), errors);
        }
        if (body != null) {
            Object value = req.body();
            JsonNode node = value == null ? MAPPER.nullNode() : MAPPER.valueToTree(value);
            check("body", body, node, errors);
        }
        if (errors.isEmpty()) {
            next.call();
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", ErrorCode.ERR_VALIDATION.code());
        answer.put("message", ErrorCode.ERR_VALIDATION.message());
        answer.put("errors", errors);
        res.status(400).json(answer);
    }

    private static void check(String part, Schema schema, JsonNode value, List<Map<String, Object>> errors) {
        for (com.networknt.schema.Error e : schema.validate(value)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("in", part);
            one.put("path", e.getInstanceLocation().toString());
            one.put("keyword", e.getKeyword());
            one.put("message", e.getMessage());
            errors.add(one);
        }
    }
}
