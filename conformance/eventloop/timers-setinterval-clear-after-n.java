// Port of timers-setinterval-clear-after-n.js: setInterval repeats until cleared; then the
// loop ends and 'exit' is emitted.
import module dev.eventide;

int n = 0;
Timeout iv;

void main() {
    iv = Timers.setInterval(() -> {
        n++;
        IO.println("interval" + n);
        if (n == 3) {
            Timers.clearInterval(iv);
            IO.println("cleared");
        }
    }, 5);
    Proc.on("exit", args -> IO.println("exit"));
}
