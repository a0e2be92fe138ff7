// Port of timers-unref-interval-with-ref-timeout.js: an unref'd interval runs while a ref'd
// timeout keeps the loop alive; after that timeout the process exits. The timeout re-arms
// itself until the interval has run twice, so a stalled start gives the same trace.
import module dev.eventide;

int n = 0;

void main() {
    Timeout iv = Timers.setInterval(() -> {
        n++;
        if (n <= 2) IO.println("interval" + n);
    }, 10);
    iv.unref();
    IO.println("hasRef:" + iv.hasRef());
    Timers.setTimeout(this::done, 200);
    Proc.on("exit", args -> IO.println("exit:interval-ran-" + (n >= 2)));
}

void done() {
    if (n < 2) {
        Timers.setTimeout(this::done, 10);
        return;
    }
    IO.println("timeout-200ms");
}
