// Port of timers-interval-period-from-callback-start.js: an interval's next period counts
// from when its callback starts, not from the start of the timers phase.
import module dev.eventide;

int n = 0;
Timeout iv;

void main() {
    Timers.setTimeout(() -> {
        IO.println("spin");
        long end = System.currentTimeMillis() + 200;
        while (System.currentTimeMillis() < end) { /* spin */ }
    }, 15);
    iv = Timers.setInterval(() -> {
        n++;
        IO.println("interval" + n);
        if (n == 2) Timers.clearInterval(iv);
    }, 20);
    Timers.setTimeout(() -> IO.println("marker-180ms"), 180);
    long end = System.currentTimeMillis() + 25;
    while (System.currentTimeMillis() < end) { /* spin: the 15 ms and 20 ms lists are both due */ }
}
