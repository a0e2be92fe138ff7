package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.web.RangeHeader.Kind;
import dev.eventide.web.RangeHeader.Range;
import org.junit.jupiter.api.Test;

/** Range parsing as range-parser 1.2 with combine: true does it, for a body of 1,000 bytes. */
class RangeHeaderTest {
    @Test
    void formsOfOneRange() {
        assertThat(RangeHeader.parse(1000, "bytes=0-499").ranges()).containsExactly(new Range(0, 499));
        assertThat(RangeHeader.parse(1000, "bytes=500-").ranges()).containsExactly(new Range(500, 999));
        assertThat(RangeHeader.parse(1000, "bytes=-100").ranges()).containsExactly(new Range(900, 999));
        assertThat(RangeHeader.parse(1000, "bytes=900-5000").ranges()).containsExactly(new Range(900, 999));
        assertThat(RangeHeader.parse(1000, "bytes= 1 - 2 ").ranges()).containsExactly(new Range(1, 2));
    }

    @Test
    void overlappingAndAdjacentRangesAreCombinedOthersKept() {
        assertThat(RangeHeader.parse(1000, "bytes=0-10,5-20,21-30").ranges()).containsExactly(new Range(0, 30));
        assertThat(RangeHeader.parse(1000, "bytes=50-60,0-10").ranges())
                .containsExactly(new Range(0, 10), new Range(50, 60));
    }

    @Test
    void unsatisfiableAndMalformedHeaders() {
        assertThat(RangeHeader.parse(1000, "bytes=1000-1001").kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(RangeHeader.parse(1000, "bytes=5-1").kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(RangeHeader.parse(1000, "bytes=-0").kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(RangeHeader.parse(1000, "bytes=abc").kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(RangeHeader.parse(0, "bytes=0-").kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(RangeHeader.parse(1000, "bytes=99999999999999999999-").kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(RangeHeader.parse(1000, "bytes 0-1").kind()).isEqualTo(Kind.MALFORMED);
        assertThat(RangeHeader.parse(1000, "bytes=" + "1-1,".repeat(200)).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(RangeHeader.isBytes("  bytes=0-1")).isTrue();
        assertThat(RangeHeader.isBytes("items=0-1")).isFalse();
    }

    @Test
    void contentRangeValues() {
        assertThat(RangeHeader.contentRange(new Range(0, 4), 11)).isEqualTo("bytes 0-4/11");
        assertThat(RangeHeader.unsatisfied(11)).isEqualTo("bytes */11");
    }
}
