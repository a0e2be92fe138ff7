/**
 * Eventide's web layer: an Express-style application (routing, middleware, error handling)
 * with Fastify-style lifecycle hooks and secure defaults, on {@code dev.eventide.http}.
 * Scripts use it with {@code import module dev.eventide.web;}.
 */
module dev.eventide.web {
    // Transitive: handlers see IncomingMessage, ServerResponse, Promise and stream types.
    requires transitive dev.eventide;
    // JSON bodies and responses, with Jackson's read constraints (depth, lengths).
    requires tools.jackson.databind;
    // validate(schema): JSON Schema, with patterns run by RE2J (linear time).
    requires com.networknt.schema;
    requires re2j;

    exports dev.eventide.web;
}
