package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.NodeOracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The net module's process-wide settings: the autoSelectFamily defaults and their checks. */
class NetTest {
    @Test
    void autoSelectFamilyDefaultsAreNodesAndTheirSettersCheckAsNodesDo() {
        String js = """
                const net = require('net');
                const log = (s) => console.log(s);
                log(net.getDefaultAutoSelectFamily() + '|' + net.getDefaultAutoSelectFamilyAttemptTimeout());
                for (const f of [() => net.setDefaultAutoSelectFamily(null), () => net.setDefaultAutoSelectFamilyAttemptTimeout(0),
                                 () => net.setDefaultAutoSelectFamilyAttemptTimeout(2 ** 31)]) {
                  try { f(); } catch (e) { log(e.code + '|' + e.message); }
                }
                net.setDefaultAutoSelectFamilyAttemptTimeout(5);
                net.setDefaultAutoSelectFamily(false);
                log(net.getDefaultAutoSelectFamily() + '|' + net.getDefaultAutoSelectFamilyAttemptTimeout());
                """;
        List<String> expected = List.of("true|250",
                "ERR_INVALID_ARG_TYPE|The \"value\" argument must be of type boolean. Received null",
                "ERR_OUT_OF_RANGE|The value of \"value\" is out of range. It must be >= 1 && <= 2147483647. Received 0",
                "ERR_OUT_OF_RANGE|The value of \"value\" is out of range. It must be >= 1 && <= 2147483647."
                        + " Received 2147483648",
                "false|10");
        NodeOracle.assertNodePrints(js, expected);
        List<String> ours = new ArrayList<>();
        try {
            ours.add(Net.getDefaultAutoSelectFamily() + "|" + Net.getDefaultAutoSelectFamilyAttemptTimeout());
            List<Runnable> bad = List.of(() -> Net.setDefaultAutoSelectFamily(null),
                    () -> Net.setDefaultAutoSelectFamilyAttemptTimeout(0),
                    () -> Net.setDefaultAutoSelectFamilyAttemptTimeout(1L << 31));
            for (Runnable r : bad) {
                try {
                    r.run();
                } catch (NodeError e) {
                    ours.add(e.code() + "|" + e.getMessage());
                }
            }
            Net.setDefaultAutoSelectFamilyAttemptTimeout(5);
            Net.setDefaultAutoSelectFamily(false);
            ours.add(Net.getDefaultAutoSelectFamily() + "|" + Net.getDefaultAutoSelectFamilyAttemptTimeout());
        } finally {
            Net.setDefaultAutoSelectFamily(true);
            Net.setDefaultAutoSelectFamilyAttemptTimeout(250);
        }
        assertThat(ours).containsExactlyElementsOf(expected);
    }

    @Test
    void withAutoSelectFamilyOffByDefaultOnlyTheFirstAddressIsTried() {
        NetHarness.Run run;
        try {
            Net.setDefaultAutoSelectFamily(false);
            run = NetHarness.run(10, trace -> {
                NetLookup lookup = (h, o, cb) -> {
                    trace.add("all:" + o.all());
                    cb.done(null, List.of(ConnectAttemptsTest.v4("127.0.0.2"), ConnectAttemptsTest.v4("127.0.0.3")));
                };
                NetSocket c = Net.connect(new NetConnectOptions().host("example.test").port(9).lookup(lookup));
                c.on("error", a -> trace.add("error:" + ((Throwable) a[0]).getMessage()));
                trace.add("attempted:" + c.autoSelectFamilyAttemptedAddresses());
            });
        } finally {
            Net.setDefaultAutoSelectFamily(true);
        }
        assertThat(run.trace()).containsExactly("all:false", "attempted:null", "error:connect ECONNREFUSED 127.0.0.2:9");
    }
}
