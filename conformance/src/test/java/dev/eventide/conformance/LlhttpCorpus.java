package dev.eventide.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the llhttp markdown corpus (see FORMAT.md beside it) into test cases: the heading,
 * the meta comment, the input bytes and the expected event log of each section.
 */
final class LlhttpCorpus {
    private LlhttpCorpus() {}

    /** One section with an input block and a log block. */
    record Case(String file, int line, String title, String type, boolean noScan, String pause,
                boolean skipBody, boolean url, byte[] input, List<String> expected) {
        String name() {
            return file + ":" + line + " " + title;
        }
    }

    private static final Pattern META = Pattern.compile("<!--\\s*meta=(\\{.*})\\s*-->");

    static List<Case> read(Path file, String label) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        String title = null;
        int titleLine = 0;
        String meta = "{}";
        String input = null;
        String inputKind = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```") && l.length() > 3) {
                String kind = l.substring(3).trim();
                StringBuilder body = new StringBuilder();
                int j = i + 1;
                for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    body.append(lines.get(j)).append('\n');
                }
                i = j;
                if (kind.equals("http") || kind.equals("url")) {
                    input = body.toString();
                    inputKind = kind;
                } else if (kind.equals("log") && input != null) {
                    cases.add(make(label, titleLine, title, meta, inputKind, input, body.toString()));
                    input = null;
                    meta = "{}";
                }
                continue;
            }
            Matcher m = META.matcher(l);
            if (m.find()) {
                meta = m.group(1);
            } else if (l.startsWith("#")) {
                title = l.replaceFirst("^#+\\s*", "");
                titleLine = i + 1;
            } else if ((l.matches("^=+$") || l.matches("^-+$")) && i > 0 && !lines.get(i - 1).isBlank()) {
                title = lines.get(i - 1);
                titleLine = i;
            }
        }
        return cases;
    }

    private static Case make(String file, int line, String title, String meta, String kind,
                             String input, String log) {
        String type = field(meta, "type");
        boolean noScan = meta.matches(".*\"noScan\"\\s*:\\s*true.*");
        boolean skipBody = meta.matches(".*\"skipBody\"\\s*:\\s*true.*");
        List<String> expected = new ArrayList<>();
        for (String l : log.split("\n")) {
            if (!l.isEmpty()) {
                expected.add(l.replace("\\t", "\t").replace("\\f", "\f"));
            }
        }
        return new Case(file, line, title, type == null ? "" : type, noScan, field(meta, "pause"),
                skipBody, kind.equals("url"), decode(input), expected);
    }

    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** FORMAT.md "Turning the input block into bytes", steps 1 to 8. */
    static byte[] decode(String block) {
        String s = block.endsWith("\n") ? block.substring(0, block.length() - 1) : block;
        s = s.replace("\\\n", "");
        s = s.replace("\n", "\r\n");
        s = s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\f", "\f");
        s = replace(s, Pattern.compile("\\\\x([0-9a-fA-F]+)"), 16);
        s = replace(s, Pattern.compile("\\\\([0-7]{1,3})"), 8);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String replace(String s, Pattern p, int radix) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    new String(Character.toChars(Integer.parseInt(m.group(1), radix)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
