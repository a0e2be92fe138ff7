package dev.eventide.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each encoding's quirks by example: lenient base64, hex that stops, latin1 and ascii truncation, raw UTF-16. */
class CodecsTest {
    private static String hex(String s, Encoding e) {
        return Bytes.from(s, e).toString(Encoding.HEX);
    }

    @Test
    void base64AcceptsBothAlphabetsWhitespaceJunkAndMissingPadding() {
        assertThat(hex("QUJD", Encoding.BASE64)).isEqualTo("414243");
        assertThat(hex("-_+/", Encoding.BASE64)).isEqualTo("fbffbf");
        assertThat(hex("-_+/", Encoding.BASE64URL)).isEqualTo("fbffbf");
        assertThat(hex("Q Q\nQ=", Encoding.BASE64)).isEqualTo("4104");
        assertThat(hex("QQ", Encoding.BASE64)).isEqualTo("41");
        assertThat(hex("a", Encoding.BASE64)).isEmpty();
        assertThat(hex("QU*J!D", Encoding.BASE64)).isEqualTo("414243");
    }

    @Test
    void base64StopsAtTheFirstPaddingCharacter() {
        assertThat(hex("QQ=Q", Encoding.BASE64)).isEqualTo("41");
        assertThat(hex("QUJD=QUJD", Encoding.BASE64)).isEqualTo("414243");
    }

    @Test
    void base64ReadsOnlyTheLowByteOfEachCharacter() {
        assertThat(hex("QU\u0141D", Encoding.BASE64)).isEqualTo("414003");
    }

    @Test
    void base64EncodesWithPaddingAndBase64urlWithout() {
        assertThat(Bytes.of(0xfb, 0xff).toString(Encoding.BASE64)).isEqualTo("+/8=");
        assertThat(Bytes.of(0xfb, 0xff).toString(Encoding.BASE64URL)).isEqualTo("-_8");
        assertThat(Bytes.from("QQ==  ", Encoding.UTF8).length()).isEqualTo(6);
        assertThat(Bytes.byteLength("QQ==", Encoding.BASE64)).isEqualTo(1);
        assertThat(Bytes.byteLength("QQ==  ", Encoding.BASE64)).isEqualTo(4);
    }

    @Test
    void hexStopsAtTheFirstBadPairAndIgnoresAnOddDigit() {
        assertThat(hex("abc", Encoding.HEX)).isEqualTo("ab");
        assertThat(hex("ABcd", Encoding.HEX)).isEqualTo("abcd");
        assertThat(hex("ab zz cd", Encoding.HEX)).isEqualTo("ab");
        assertThat(hex("zzab", Encoding.HEX)).isEmpty();
        assertThat(hex("\u01300", Encoding.HEX)).isEqualTo("00");
        assertThat(Bytes.byteLength("abc", Encoding.HEX)).isEqualTo(1);
    }

    @Test
    void latin1AndAsciiKeepTheLowByteWhenEncoding() {
        assertThat(hex("\u00e9\u0100\u20ac", Encoding.LATIN1)).isEqualTo("e900ac");
        assertThat(hex("\u00e9\u0100", Encoding.ASCII)).isEqualTo("e900");
    }

    @Test
    void asciiDecodingClearsTheTopBitAndLatin1KeepsIt() {
        assertThat(Bytes.of(0x80, 0xff, 0x41).toString(Encoding.ASCII)).isEqualTo("\u0000\u007fA");
        assertThat(Bytes.of(0x80, 0xff, 0x41).toString(Encoding.LATIN1)).isEqualTo("\u0080\u00ffA");
    }

    @Test
    void utf16leKeepsLoneSurrogatesAndIgnoresAnOddByte() {
        assertThat(hex("\ud800x\udc00", Encoding.UTF16LE)).isEqualTo("00d8780000dc");
        assertThat(Bytes.of(0x00, 0xd8, 0x41, 0x00).toString(Encoding.UTF16LE)).isEqualTo("\ud800A");
        assertThat(Bytes.of(0x00, 0xd8, 0x41).toString(Encoding.UTF16LE)).isEqualTo("\ud800");
        assertThat(Bytes.byteLength("ab", Encoding.UTF16LE)).isEqualTo(4);
    }

    @Test
    void utf8FromLoneSurrogatesAndBackGivesReplacementCharacters() {
        assertThat(hex("\ud800x\udc00", Encoding.UTF8)).isEqualTo("efbfbd78efbfbd");
        assertThat(Bytes.of(0xed, 0xa0, 0x80).toString()).isEqualTo("\ufffd\ufffd\ufffd");
    }
}
