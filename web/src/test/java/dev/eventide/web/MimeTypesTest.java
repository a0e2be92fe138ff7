package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MimeTypes against mime-types 3 (lookup, charset, contentType) and compressible 2.0.18, checked with node. */
class MimeTypesTest {
    @Test
    void lookupByExtensionOrFileName() {
        assertThat(MimeTypes.lookup("html")).isEqualTo("text/html");
        assertThat(MimeTypes.lookup(".JSON")).isEqualTo("application/json");
        assertThat(MimeTypes.lookup("dir.v2/app.mjs")).isEqualTo("text/javascript");
        assertThat(MimeTypes.lookup("favicon.ico")).isEqualTo("image/vnd.microsoft.icon");
        assertThat(MimeTypes.lookup("font.woff2")).isEqualTo("font/woff2");
        assertThat(MimeTypes.lookup("unknown.qqq")).isEqualTo("application/octet-stream");
        assertThat(MimeTypes.lookupOrNull("dir.v2/README")).isNull();
        assertThat(MimeTypes.lookup("urlencoded")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void contentTypeAddsUtf8ForTextJsonAndJavascriptOnly() {
        assertThat(MimeTypes.contentType("a.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(MimeTypes.contentType("a.json")).isEqualTo("application/json; charset=utf-8");
        assertThat(MimeTypes.contentType("a.webmanifest")).isEqualTo("application/manifest+json; charset=utf-8");
        assertThat(MimeTypes.contentType("a.svg")).isEqualTo("image/svg+xml");
        assertThat(MimeTypes.contentType("a.xml")).isEqualTo("application/xml");
        assertThat(MimeTypes.contentType("a.png")).isEqualTo("image/png");
        assertThat(MimeTypes.charset("text/x-anything")).isEqualTo("UTF-8");
    }

    @Test
    void compressibleFollowsTheDbThenTheTextAndSuffixRule() {
        assertThat(MimeTypes.compressible("text/html; charset=utf-8")).isTrue();
        assertThat(MimeTypes.compressible("application/json")).isTrue();
        assertThat(MimeTypes.compressible("application/vnd.api+json")).isTrue();
        assertThat(MimeTypes.compressible("application/x-custom+xml")).isTrue();
        assertThat(MimeTypes.compressible("text/event-stream")).isTrue();
        assertThat(MimeTypes.compressible("image/svg+xml")).isTrue();
        assertThat(MimeTypes.compressible("application/wasm")).isTrue();
        assertThat(MimeTypes.compressible("image/png")).isFalse();
        assertThat(MimeTypes.compressible("image/jpeg")).isFalse();
        assertThat(MimeTypes.compressible("application/zip")).isFalse();
        assertThat(MimeTypes.compressible("video/mp4")).isFalse();
        assertThat(MimeTypes.compressible("font/woff2")).isFalse();
        assertThat(MimeTypes.compressible(null)).isFalse();
    }
}
