package dev.eventide.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.NodeOracle;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory readings in Node's shapes, heap snapshots, and event-loop utilization. */
class DiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void memoryUsageHasNodesFieldsWithPlausibleValues() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4 << 20);
        MemoryUsage m = Diagnostics.memoryUsage();
        assertThat(m.rss()).isGreaterThan(m.heapUsed() / 4).isGreaterThan(10 << 20);
        assertThat(m.heapUsed()).isPositive().isLessThanOrEqualTo(m.heapTotal());
        assertThat(m.arrayBuffers()).isGreaterThanOrEqualTo(4 << 20);
        assertThat(m.external()).isGreaterThanOrEqualTo(m.arrayBuffers());
        assertThat(direct.capacity()).isPositive();
        var names = java.util.Arrays.stream(MemoryUsage.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(names).containsExactly("rss", "heapTotal", "heapUsed", "external", "arrayBuffers");
        NodeOracle.assertNodePrints("console.log(Object.keys(process.memoryUsage()).join(','))",
                List.of(String.join(",", names)));
    }

    @Test
    void heapStatisticsHaveNodesFieldsInCamelCase() {
        HeapStatistics s = Diagnostics.heapStatistics();
        assertThat(s.usedHeapSize()).isPositive().isLessThanOrEqualTo(s.totalHeapSize());
        assertThat(s.heapSizeLimit()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(s.totalAvailableSize()).isEqualTo(s.heapSizeLimit() - s.usedHeapSize());
        assertThat(s.totalHeapSizeExecutable()).isPositive();
        assertThat(s.mallocedMemory()).isPositive();
        List<String> snake = new ArrayList<>();
        for (var c : HeapStatistics.class.getRecordComponents()) {
            snake.add(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase());
        }
        NodeOracle.assertNodePrints("console.log(Object.keys(require('v8').getHeapStatistics()).join(','))",
                List.of(String.join(",", snake)));
    }

    @Test
    void heapSpacesUseV8NamesWhereTheyCorrespondAndKeepTheJvmNames() {
        List<HeapSpaceStatistics> spaces = Diagnostics.heapSpaceStatistics();
        assertThat(spaces).extracting(HeapSpaceStatistics::spaceName).startsWith("new_space", "old_space", "code_space");
        HeapSpaceStatistics young = spaces.getFirst();
        assertThat(young.heap()).isTrue();
        assertThat(young.jvmPools()).allMatch(n -> n.contains("Eden") || n.contains("Survivor") || n.contains("Young"));
        assertThat(spaces.get(2).heap()).isFalse();
        assertThat(spaces).anyMatch(s -> s.spaceName().equals("Metaspace"));
        long heapUsed = spaces.stream().filter(HeapSpaceStatistics::heap).mapToLong(HeapSpaceStatistics::spaceUsedSize).sum();
        assertThat(heapUsed).isPositive();
        for (HeapSpaceStatistics s : spaces) {
            assertThat(s.spaceUsedSize()).isLessThanOrEqualTo(s.spaceSize());
            assertThat(s.spaceAvailableSize()).isNotNegative();
        }
    }

    @Test
    void aHeapSnapshotIsWrittenOffTheLoopAndResolvesWithItsPath() throws Exception {
        AtomicReference<String> written = new AtomicReference<>();
        List<String> order = new ArrayList<>();
        Path target = dir.resolve("app.hprof");
        EventLoop.run(() -> {
            Diagnostics.writeHeapSnapshot(target.toString()).then(path -> {
                order.add("snapshot");
                written.set(path);
                return null;
            });
            EventLoop.current().setImmediate(() -> order.add("immediate"));
        });
        assertThat(order).containsExactly("immediate", "snapshot");
        assertThat(written.get()).isEqualTo(target.toString());
        byte[] head = new byte[18];
        try (var in = Files.newInputStream(target)) {
            assertThat(in.read(head)).isEqualTo(18);
        }
        assertThat(new String(head, 0, 12)).isEqualTo("JAVA PROFILE"); // the hprof header
    }

    @Test
    void theDefaultSnapshotNameIsNodesPatternWithTheHprofExtension() {
        String name = HeapSnapshots.defaultName();
        assertThat(name).matches("Heap\\.\\d{8}\\.\\d{6}\\.\\d+\\.0\\.\\d{3}\\.hprof");
        assertThat(name).contains("." + ProcessHandle.current().pid() + ".0.");
    }

    @Test
    void aSnapshotPathMustEndWithHprofAndAFailedDumpRejects() throws Exception {
        AtomicReference<Throwable> rejected = new AtomicReference<>();
        Path exists = Files.createFile(dir.resolve("taken.hprof"));
        int code = EventLoop.run(() -> {
            assertThatThrownBy(() -> Diagnostics.writeHeapSnapshot("x.heapsnapshot")).hasMessageContaining(".hprof");
            Diagnostics.writeHeapSnapshot(exists.toString()).catchError(e -> {
                rejected.set(e);
                return null;
            });
        });
        assertThat(code).isZero();
        assertThat(rejected.get()).isNotNull();
    }

    @Test
    void timeWaitingInTheSelectorForASocketCountsAsIdle() {
        List<EventLoopUtilization> readings = new ArrayList<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            // A listening server registers a channel, so the poll phase waits in the selector.
            dev.eventide.net.NetServer server = dev.eventide.net.Net.createServer(socket -> { });
            server.listen(0, "127.0.0.1", () -> {
                EventLoopUtilization start = Diagnostics.eventLoopUtilization();
                loop.setTimeout(() -> {
                    readings.add(Diagnostics.eventLoopUtilization(start));
                    server.close();
                }, 200);
            });
        });
        assertThat(code).isZero();
        EventLoopUtilization waited = readings.get(0);
        assertThat(waited.idle()).as("ms idle in the selector").isGreaterThan(100);
        assertThat(waited.utilization()).isLessThan(0.5);
    }

    @Test
    void aReadingTakenInAnIoCallbackAlreadyCountsTheWaitThatEndedWithIt() {
        // A client sends a byte from another thread 200 ms after connecting, while the loop
        // waits in the selector with nothing else to do. The 'data' callback (run from the poll
        // phase's dispatch) reads the utilization; the wait that just ended must be in that
        // reading, or the next reading finds more idle time than time passed since (a negative
        // utilization: MetricsTest saw -0.13 once).
        List<EventLoopUtilization> readings = new ArrayList<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            dev.eventide.net.NetServer[] server = new dev.eventide.net.NetServer[1];
            server[0] = dev.eventide.net.Net.createServer(socket -> socket.on("data", a -> {
                EventLoopUtilization atData = Diagnostics.eventLoopUtilization();
                loop.setImmediate(() -> {
                    readings.add(Diagnostics.eventLoopUtilization(atData));
                    socket.destroy();
                    server[0].close();
                });
            }));
            server[0].listen(0, "127.0.0.1", () -> {
                int port = server[0].address().port();
                new Thread(() -> {
                    try (java.net.Socket client = new java.net.Socket("127.0.0.1", port)) {
                        Thread.sleep(200);
                        client.getOutputStream().write(1);
                        client.getInputStream().read();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).start();
            });
        });
        assertThat(code).isZero();
        EventLoopUtilization after = readings.get(0);
        assertThat(after.idle()).as("ms idle between the two readings").isLessThan(50);
        assertThat(after.utilization()).isBetween(0.0, 1.0);
    }

    @Test
    void utilizationIsZeroWhileMainRunsThenSplitsIdleFromBusyTime() {
        List<EventLoopUtilization> readings = new ArrayList<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            readings.add(Diagnostics.eventLoopUtilization());
            loop.setTimeout(() -> {
                EventLoopUtilization afterIdle = Diagnostics.eventLoopUtilization();
                readings.add(afterIdle);
                long end = System.nanoTime() + 150_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                readings.add(Diagnostics.eventLoopUtilization(afterIdle));
            }, 150);
        });
        assertThat(code).isZero();
        assertThat(readings.get(0)).isEqualTo(new EventLoopUtilization(0, 0, 0));
        EventLoopUtilization idle = readings.get(1);
        assertThat(idle.idle()).isGreaterThan(100);
        assertThat(idle.utilization()).isLessThan(0.5);
        EventLoopUtilization busy = readings.get(2);
        assertThat(busy.active()).isGreaterThanOrEqualTo(149);
        assertThat(busy.idle()).isLessThan(1);
        assertThat(busy.utilization()).isGreaterThan(0.99);
        EventLoopUtilization two = Diagnostics.eventLoopUtilization(idle, new EventLoopUtilization(1, 1, 0.5));
        assertThat(two.idle()).isEqualTo(idle.idle() - 1);
    }
}
