package dev.eventide.web;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for bodies and responses, on Jackson 3 with Jackson's read constraints: bounded nesting
 * depth and string/number/document lengths, and no polymorphic typing from input (default
 * typing stays off). Values read are plain Maps, Lists, Strings, Numbers, Booleans and nulls.
 * Immutable after construction; any thread.
 */
public final class JsonCodec {
    /** Limits Node's body-parser does not have but a hostile client needs: depth 64, etc. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private final JsonMapper mapper;

    public JsonCodec() {
        this(DEFAULT_MAX_DEPTH, 1_000_000);
    }

    public JsonCodec(int maxDepth, int maxStringLength) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(1000)
                .maxNameLength(50_000)
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits).build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** Serializes a value (Maps, Lists, records, beans) to UTF-8 JSON. */
    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /** Parses JSON text into plain values; throws Jackson's exception on malformed or over-limit input. */
    public Object read(byte[] json, int offset, int length) {
        return mapper.readValue(json, offset, length, Object.class);
    }
}
