package dev.eventide.web;

import java.util.Locale;
import java.util.Map;

/** File extension to MIME type, for res.type() and static files. Immutable; any thread. */
final class MimeTypes {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain"), Map.entry("text", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("avif", "image/avif"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("br", "application/x-brotli"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"), Map.entry("form", "application/x-www-form-urlencoded"),
            Map.entry("urlencoded", "application/x-www-form-urlencoded"),
            Map.entry("bin", "application/octet-stream"), Map.entry("md", "text/markdown"));

    private MimeTypes() {
    }

    /** The type for an extension or file name ("json", ".json", "a/b.json"); octet-stream if unknown. */
    static String lookup(String nameOrExt) {
        String s = nameOrExt;
        int dot = s.lastIndexOf('.');
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        String t = TYPES.get(s.toLowerCase(Locale.ROOT));
        return t == null ? "application/octet-stream" : t;
    }
}
