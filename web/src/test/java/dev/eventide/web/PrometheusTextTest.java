package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test-side Prometheus parser accepts the format's own examples and rejects each kind of
 * mistake it claims to catch, so that a MetricsTest pass means something. Also checks
 * PromWriter's escaping round-trips through it.
 */
class PrometheusTextTest {
    private static final String VALID = """
            # A comment that is neither HELP nor TYPE.
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # HELP msdos_file_access_time_seconds Escapes: a backslash \\\\ and a newline \\n here.
            # TYPE msdos_file_access_time_seconds gauge
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
            metric_without_timestamp_and_labels 12.47
            something_weird{problem="division by zero"} +Inf -3982045
            # HELP http_request_duration_seconds A histogram of the request duration.
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="0.05"} 24054
            http_request_duration_seconds_bucket{le="0.1"} 33444
            http_request_duration_seconds_bucket{le="+Inf"} 144320
            http_request_duration_seconds_sum 53423
            http_request_duration_seconds_count 144320
            """.replace("    3 ", " 3 ");

    @Test
    void theFormatsOwnExampleParsesWithItsValuesAndUnescapedLabels() {
        PrometheusText p = PrometheusText.parse(VALID);
        assertThat(p.value("http_requests_total", "method", "post", "code", "400")).isEqualTo(3.0);
        assertThat(p.value("msdos_file_access_time_seconds", "path", "C:\\DIR\\FILE.TXT", "error",
                "Cannot find file:\n\"FILE.TXT\"")).isEqualTo(1.458255915e9);
        assertThat(p.family("msdos_file_access_time_seconds").help).isEqualTo("Escapes: a backslash \\ and a newline \n here.");
        assertThat(p.value("something_weird", "problem", "division by zero")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.family("http_request_duration_seconds").samples).hasSize(5);
        assertThat(p.family("metric_without_timestamp_and_labels").type).isEqualTo("untyped");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1bad_name 1\n", // a name may not start with a digit
        "ok{1bad=\"x\"} 1\n", // nor may a label name
        "ok{__reserved=\"x\"} 1\n",
        "ok{a=\"x\\t\"} 1\n", // \t is not an escape of the format
        "ok{a=\"x} 1\n", // an unterminated value
        "ok{a=x} 1\n", // an unquoted value
        "ok{a=\"1\",a=\"2\"} 1\n",
        "ok{a=\"1\" b=\"2\"} 1\n",
        "ok 1,5\n",
        "ok abc\n",
        "ok 1 1.5\n", // a timestamp is an integer
        "ok 1 2 3\n",
        "ok  1\n",
        "ok 1", // no final newline
        "ok 1\nok 2\n", // the same series twice
        "# TYPE c counter\nc -1\n",
        "# TYPE g gauge\n# TYPE g counter\ng 1\n",
        "g 1\n# TYPE g gauge\n", // TYPE after the samples
        "# TYPE g nonsense\ng 1\n",
        "# HELP g one\n# HELP g two\ng 1\n",
        "# HELP g bad \\t escape\ng 1\n",
        "a 1\nb 1\na{x=\"y\"} 2\n", // a family's lines apart
        "# TYPE h histogram\nh_bucket 1\nh_sum 1\nh_count 1\n", // a bucket without le
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n",
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_sum 1\nh_count 2\n", // no +Inf
        "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 3\nh_sum 1\nh_count 2\n", // +Inf != _count
        "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 2\n", // no _sum
        "# TYPE h histogram\nh 2\n",
    })
    void eachKindOfMistakeIsRejected(String text) {
        assertThatThrownBy(() -> PrometheusText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void promWriterEscapesLabelValuesAndHelpSoTheyReadBackUnchanged() {
        String hostile = "back\\slash \"quoted\"\nnew line {},= é";
        String text = new PromWriter().family("x_total", "counter", "help with \\ and\nnewline")
                .sample("x_total", 2, "v", hostile).toString();
        PrometheusText p = PrometheusText.parse(text);
        assertThat(p.value("x_total", "v", hostile)).isEqualTo(2.0);
        assertThat(p.family("x_total").help).isEqualTo("help with \\ and\nnewline");
    }

    @Test
    void promWriterNumbersAreWhatGoParses() {
        assertThat(PromWriter.number(10)).isEqualTo("10");
        assertThat(PromWriter.number(0.005)).isEqualTo("0.005");
        assertThat(PromWriter.number(2.5)).isEqualTo("2.5");
        assertThat(PromWriter.number(1e-9)).isEqualTo("1.0E-9");
        assertThat(PromWriter.number(Double.NaN)).isEqualTo("NaN");
        assertThat(PromWriter.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        for (double v : new double[] {10, 0.005, 2.5, 1e-9, 1e20, -3.25}) {
            assertThat(PrometheusText.number(PromWriter.number(v))).isEqualTo(v);
        }
    }

    @Test
    void aHistogramFromPromHistogramIsCumulativeWithInfEqualToCount() {
        PromHistogram h = new PromHistogram(new double[] {1, 0.1, 0.5}, "m");
        for (double v : new double[] {0.05, 0.1, 0.3, 0.7, 3, 0.1}) {
            h.observe(v, "GET");
        }
        PromWriter w = new PromWriter();
        h.write(w, "d_seconds", "d");
        PrometheusText p = PrometheusText.parse(w.toString());
        assertThat(p.value("d_seconds_bucket", "m", "GET", "le", "0.1")).isEqualTo(3.0); // le is inclusive
        assertThat(p.value("d_seconds_bucket", "m", "GET", "le", "0.5")).isEqualTo(4.0);
        assertThat(p.value("d_seconds_bucket", "m", "GET", "le", "1")).isEqualTo(5.0);
        assertThat(p.value("d_seconds_bucket", "m", "GET", "le", "+Inf")).isEqualTo(6.0);
        assertThat(p.value("d_seconds_count", "m", "GET")).isEqualTo(6.0);
        assertThat(p.value("d_seconds_sum", "m", "GET")).isCloseTo(4.25, org.assertj.core.data.Offset.offset(1e-9));
    }
}
