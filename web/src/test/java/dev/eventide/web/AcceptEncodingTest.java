package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accept-Encoding negotiation against the answers of negotiator 0.6.4 as the compression
 * package 1.8.2 calls it (encoding(SUPPORTED, PREFERRED)), recorded with node for each header,
 * with and without br; "none" is no compression (identity or nothing acceptable).
 */
class AcceptEncodingTest {
    @ParameterizedTest(name = "{0} -> br: {1}, no br: {2}")
    @CsvSource(delimiter = '|', value = {
        "gzip, deflate, br          | br      | gzip",
        "deflate, gzip              | gzip    | gzip",
        "gzip;q=0.5, deflate        | deflate | deflate",
        "gzip;q=0                   | none    | none",
        "'gzip;q=0, *'              | br      | deflate",
        "*                          | br      | gzip",
        "identity;q=0               | none    | none",
        "*;q=0                      | none    | none",
        "deflate;q=0.5, gzip;q=0.5  | gzip    | gzip",
        "'deflate, br'              | br      | deflate",
        "gzip;q=0.8, br;q=0.9       | br      | gzip",
        "br                         | br      | none",
        "GZIP                       | gzip    | gzip",
        "x-gzip                     | none    | none",
        "gzip;q=abc, deflate;q=0.1  | deflate | deflate",
    })
    void negotiatesAsTheCompressionPackage(String header, String withBr, String withoutBr) {
        assertThat(orNone(Compression.choose(header, true))).isEqualTo(withBr);
        assertThat(orNone(Compression.choose(header, false))).isEqualTo(withoutBr);
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }
}
