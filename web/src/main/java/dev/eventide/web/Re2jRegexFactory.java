package dev.eventide.web;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * The regular expressions of JSON Schema ({@code pattern}, {@code patternProperties}, the
 * {@code regex} format) on RE2J, whose matching is linear in the input: a schema pattern such as
 * {@code ^(a+)+$} cannot be made to backtrack for ages by a hostile value. A pattern RE2 cannot
 * express (lookaround, backreferences) fails when the schema is compiled, at start-up. As JSON
 * Schema says, a pattern matches anywhere in the value (find, not a whole-string match).
 * Stateless; compiled patterns are immutable and used from any thread.
 */
final class Re2jRegexFactory implements RegularExpressionFactory {
    static final Re2jRegexFactory INSTANCE = new Re2jRegexFactory();

    private Re2jRegexFactory() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern p = Pattern.compile(fromEcma(regex));
        return value -> p.matcher(value).find();
    }

    /** ECMA-262's backslash-u escape of four hex digits, which RE2 spells {@code \x{XXXX}}; the rest is shared syntax. */
    static String fromEcma(String regex) {
        if (!regex.contains("\\u")) {
            return regex;
        }
        StringBuilder b = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                if (regex.charAt(i + 1) == 'u' && isHex4(regex, i + 2)) {
                    b.append("\\x{").append(regex, i + 2, i + 6).append('}');
                    i += 5;
                } else {
                    b.append(c).append(regex.charAt(i + 1)); // an escaped character, copied as a pair
                    i++;
                }
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isHex4(String s, int from) {
        if (from + 4 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
