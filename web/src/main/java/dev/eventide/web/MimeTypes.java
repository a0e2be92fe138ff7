package dev.eventide.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File extension to MIME type, the charset a type is served with, and whether a type is worth
 * compressing: the common entries of the {@code mime-db} database as the {@code mime-types} and
 * {@code compressible} packages (mime-types 3) read them. Immutable after class initialisation;
 * any thread.
 */
final class MimeTypes {
    /**
     * One line per type: a flag, the type, its extensions (the first is the type's own). The
     * flag is mime-db's "compressible": '+' true, '-' false, '?' absent (the rule decides).
     */
    private static final String[] TABLE = {
        "+ text/html html htm shtml", "+ text/css css", "+ text/javascript js mjs",
        "+ application/json json map", "+ application/ld+json jsonld", "+ application/manifest+json webmanifest",
        "+ text/plain txt text log ini conf def list in", "+ text/markdown md markdown", "+ text/csv csv",
        "+ text/tab-separated-values tsv", "+ application/xml xml xsl xsd", "+ application/rss+xml rss",
        "+ application/atom+xml atom", "+ image/svg+xml svg svgz", "+ text/yaml yaml yml",
        "+ application/toml toml", "+ text/calendar ics ifb", "+ text/x-vcard vcf", "+ text/jsx jsx",
        "+ text/cache-manifest appcache manifest", "+ text/x-c c h cpp cc cxx", "+ text/x-java-source java",
        "+ text/x-sass sass", "+ text/x-scss scss", "+ text/less less", "+ application/x-sh sh",
        "+ application/rtf rtf", "+ application/x-tar tar", "+ message/rfc822 eml mime",
        "- image/png png", "- image/jpeg jpg jpeg jpe", "- image/gif gif", "? image/webp webp",
        "- image/avif avif", "+ image/vnd.microsoft.icon ico", "+ image/bmp bmp", "- image/tiff tif tiff",
        "? image/heic heic", "- image/apng apng", "? font/woff woff", "? font/woff2 woff2", "+ font/ttf ttf",
        "+ font/otf otf", "+ application/vnd.ms-fontobject eot", "+ application/wasm wasm",
        "- application/pdf pdf", "- application/zip zip", "- application/gzip gz", "? application/x-brotli br",
        "- application/x-bzip2 bz2", "- application/x-7z-compressed 7z", "? application/vnd.rar rar",
        "? application/x-xz xz", "? application/zstd zst", "- application/epub+zip epub",
        "- application/java-archive jar", "- application/vnd.android.package-archive apk",
        "- video/mp4 mp4 mp4v mpg4", "- video/webm webm", "- video/ogg ogv", "- video/quicktime mov qt",
        "- video/x-matroska mkv", "- video/mpeg mpeg mpg mpe", "? video/x-msvideo avi", "? video/mp2t ts",
        "- audio/mpeg mp3 mpga", "- audio/mp4 m4a mp4a", "? audio/aac aac", "- audio/ogg ogg oga opus spx",
        "- audio/wav wav", "? audio/x-flac flac", "? audio/midi mid midi", "- audio/webm weba",
        "+ application/octet-stream bin exe dll so iso img dmg msi buffer",
        "- application/msword doc dot", "- application/vnd.ms-excel xls", "- application/vnd.ms-powerpoint ppt",
        "- application/vnd.openxmlformats-officedocument.wordprocessingml.document docx",
        "- application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx",
        "- application/vnd.openxmlformats-officedocument.presentationml.presentation pptx",
        "- application/vnd.oasis.opendocument.text odt", "- application/x-shockwave-flash swf",
        // Not files, but Content-Types that handlers set: listed for compressible().
        "+ application/javascript", "+ application/x-javascript", "+ application/ecmascript",
        "+ image/x-icon", "+ application/xhtml+xml xhtml", "- application/x-www-form-urlencoded",
    };
    /** Shorthands res.type() and type matching accept besides real extensions (type-is's names). */
    private static final Map<String, String> SHORTHANDS = Map.of(
            "form", "application/x-www-form-urlencoded", "urlencoded", "application/x-www-form-urlencoded");
    /** Types mime-db gives a charset that is not text/*. */
    private static final Set<String> UTF8_TYPES = Set.of(
            "application/json", "application/javascript", "application/manifest+json", "text/javascript");

    private static final Map<String, String> BY_EXTENSION = new HashMap<>();
    private static final Map<String, Boolean> COMPRESSIBLE = new HashMap<>();

    static {
        for (String line : TABLE) {
            String[] parts = line.split(" ");
            if (parts[0].charAt(0) != '?') {
                COMPRESSIBLE.put(parts[1], parts[0].charAt(0) == '+');
            }
            for (int i = 2; i < parts.length; i++) {
                BY_EXTENSION.putIfAbsent(parts[i], parts[1]);
            }
        }
        BY_EXTENSION.putAll(SHORTHANDS);
    }

    private MimeTypes() {
    }

    /** The type for an extension or file name ("json", ".json", "a/b.json"); octet-stream if unknown. */
    static String lookup(String nameOrExt) {
        String t = lookupOrNull(nameOrExt);
        return t == null ? "application/octet-stream" : t;
    }

    /** The type for an extension or file name, or null when the extension is unknown (mime-types' false). */
    static String lookupOrNull(String nameOrExt) {
        String s = nameOrExt;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        int dot = s.lastIndexOf('.');
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        return BY_EXTENSION.get(s.toLowerCase(Locale.ROOT));
    }

    /** The charset a type is served with (mime-types' charset()): UTF-8 for text/* and JSON/JS, else null. */
    static String charset(String type) {
        String t = essence(type);
        return t.startsWith("text/") || UTF8_TYPES.contains(t) ? "UTF-8" : null;
    }

    /** A full Content-Type for a file name (mime-types' contentType()): the type plus "; charset=utf-8" where due. */
    static String contentType(String fileName) {
        String t = lookup(fileName);
        String cs = charset(t);
        return cs == null ? t : t + "; charset=" + cs.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a Content-Type is worth compressing, as the {@code compressible} package decides:
     * mime-db's flag where it has one, else text/*, and *+json, *+text, *+xml. Null is false.
     */
    static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = essence(contentType);
        Boolean known = COMPRESSIBLE.get(t);
        if (known != null) {
            return known;
        }
        return t.startsWith("text/") || t.endsWith("+json") || t.endsWith("+text") || t.endsWith("+xml");
    }

    /** The type without parameters, trimmed and lower-cased ("Text/HTML; charset=x" is "text/html"). */
    static String essence(String contentType) {
        int semi = contentType.indexOf(';');
        String t = semi < 0 ? contentType : contentType.substring(0, semi);
        return t.trim().toLowerCase(Locale.ROOT);
    }
}
