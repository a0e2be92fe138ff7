package dev.eventide.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** IP literal checks as Node's net.isIP, and inet_ntop's IPv6 text. */
class IpAddressTest {
    @Test
    void familiesFollowNodesIsIp() {
        assertThat(IpAddress.family("127.0.0.1")).isEqualTo(4);
        assertThat(IpAddress.family("::1")).isEqualTo(6);
        assertThat(IpAddress.family("fe80::1%eth0")).isEqualTo(6);
        assertThat(IpAddress.family("::ffff:1.2.3.4")).isEqualTo(6);
        assertThat(IpAddress.family("1:2:3:4:5:6:7:8")).isEqualTo(6);
        for (String bad : new String[] {"", "1.2.3", "01.2.3.4", "256.1.1.1", "1::2::3", "12345::", "localhost", "1:2:3:4:5:6:7:8:9"}) {
            assertThat(IpAddress.family(bad)).as(bad).isZero();
        }
    }

    @Test
    void ipv6TextCompressesTheLongestZeroRun() {
        assertThat(v6("20010db8000000000000000000000001")).isEqualTo("2001:db8::1");
        assertThat(v6("00000000000000000000000000000000")).isEqualTo("::");
        assertThat(v6("20010db8000100000000000100000000")).isEqualTo("2001:db8:1::1:0:0");
        assertThat(v6("20010db8000000010000000000000000")).isEqualTo("2001:db8:0:1::");
        assertThat(v6("00000000000000000000ffff01020304")).isEqualTo("::ffff:1.2.3.4");
        assertThat(v6("20010db8000100020003000400050006")).isEqualTo("2001:db8:1:2:3:4:5:6");
    }

    private static String v6(String hex) {
        return IpAddress.v6(HexFormat.of().parseHex(hex), 0);
    }
}
