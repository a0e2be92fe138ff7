package dev.eventide.diagnostics;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * A subscription to the JVM's GC notifications (one per collection, from every collector
 * MXBean), turned into {@link GcEntry} values. The JVM calls {@link Sink#collected} on its
 * notification thread, shortly after each collection; sinks hand the entry to a loop.
 */
final class GcNotifications implements NotificationListener {
    /** Receives each collection on the JVM's notification thread. */
    interface Sink {
        /** {@code oldGenAfter}: bytes in use in the old generation after the collection. */
        void collected(GcEntry entry, long oldGenAfter);
    }

    private final Sink sink;
    private final Set<String> heapPools = new HashSet<>();
    private final Set<String> oldPools = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    private GcNotifications(Sink sink) {
        this.sink = sink;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
            if (JvmMemory.isOldGeneration(pool)) {
                oldPools.add(pool.getName());
            }
        }
    }

    static GcNotifications listen(Sink sink) {
        GcNotifications n = new GcNotifications(sink);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(n, null, null);
                n.emitters.add(emitter);
            }
        }
        return n;
    }

    /** Stops the notifications; idempotent, any thread. */
    void close() {
        synchronized (emitters) {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    // Already removed.
                }
            }
            emitters.clear();
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        long before = sum(gc.getMemoryUsageBeforeGc(), heapPools);
        long after = sum(gc.getMemoryUsageAfterGc(), heapPools);
        GcEntry entry = new GcEntry(gc.getId(), info.getGcName(), GcKind.ofAction(info.getGcAction()),
                info.getGcCause(), gc.getStartTime(), gc.getDuration(), before, after);
        sink.collected(entry, sum(gc.getMemoryUsageAfterGc(), oldPools));
    }

    private static long sum(Map<String, java.lang.management.MemoryUsage> usage, Set<String> pools) {
        long total = 0;
        for (var e : usage.entrySet()) {
            if (pools.contains(e.getKey())) {
                total += e.getValue().getUsed();
            }
        }
        return total;
    }
}
