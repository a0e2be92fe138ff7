package dev.eventide.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.events.Listener;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timeout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * process.on('SIGHUP') with a real signal sent to this JVM by kill(1): the listener runs on the
 * loop thread with Node's arguments (name, number), and the listener does not keep the loop
 * alive (the loop ends once the timer that waited for the signal is cleared).
 */
class SignalsTest {

    @Test
    void aSignalSentByKillArrivesAsAnEventOnTheLoopThreadWithItsNameAndNumber() throws Exception {
        List<String> seen = new ArrayList<>();
        int code = EventLoop.run(() -> {
            Thread loopThread = Thread.currentThread();
            Timeout guard = EventLoop.current().setTimeout(() -> seen.add("no signal within 10 s"), 10_000);
            Listener[] listener = new Listener[1];
            listener[0] = a -> {
                seen.add(a[0] + " " + a[1] + " " + (Thread.currentThread() == loopThread));
                Proc.off("SIGHUP", listener[0]);
                guard.close();
            };
            Proc.on("SIGHUP", listener[0]);
            kill("HUP");
        });
        assertThat(code).isZero();
        assertThat(seen).containsExactly("SIGHUP 1 true");
    }

    @Test
    void onlyTheFirstListenerInstallsAndOnlyTheLastRemovalUninstalls() {
        List<String> seen = new ArrayList<>();
        int code = EventLoop.run(() -> {
            Listener a = x -> seen.add("a");
            Listener b = x -> seen.add("b");
            Proc.on("SIGWINCH", a);
            Proc.on("SIGWINCH", b);
            Proc.off("SIGWINCH", a);
            seen.add("listening " + Signals.listening("SIGWINCH"));
            Proc.off("SIGWINCH", b);
            seen.add("listening " + Signals.listening("SIGWINCH"));
        });
        assertThat(code).isZero();
        assertThat(seen).containsExactly("listening true", "listening false");
    }

    private static void kill(String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid())).start();
            assertThat(p.waitFor()).isZero();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
