package dev.eventide.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emitter's name-to-listeners table, in its scanned and its indexed sizes. */
class ListenerTableTest {
    private static Listener[] one() {
        return new Listener[] {args -> { }};
    }

    @Test
    void namesKeepTheOrderTheyWereFirstAddedInAcrossRemovals() {
        ListenerTable t = new ListenerTable();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            t.put("e" + i, one());
            expected.add("e" + i);
        }
        t.remove("e3");
        t.remove("e15");
        expected.remove("e3");
        expected.remove("e15");
        t.put("e7", one());
        t.put("late", one());
        expected.add("late");
        assertEquals(expected, t.names());
    }

    @Test
    void lookupsFindEveryNameWhenScannedAndWhenIndexed() {
        ListenerTable t = new ListenerTable();
        Listener[][] lists = new Listener[30][];
        for (int i = 0; i < 30; i++) {
            lists[i] = one();
            // A new String each time: equal names that are not the same object must match.
            t.put(new String("n" + i), lists[i]);
            for (int j = 0; j <= i; j++) {
                assertArrayEquals(lists[j], t.get("n" + j), "after " + (i + 1) + " names");
            }
        }
        for (int i = 0; i < 30; i += 2) {
            t.remove("n" + i);
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(i % 2 == 1, t.containsKey("n" + i), "n" + i);
            if (i % 2 == 1) {
                assertArrayEquals(lists[i], t.get("n" + i));
            } else {
                assertNull(t.get("n" + i));
            }
        }
    }

    @Test
    void objectNamesMatchByIdentityAndStringsByValue() {
        ListenerTable t = new ListenerTable();
        Object symbol = new Object();
        t.put(symbol, one());
        assertTrue(t.containsKey(symbol));
        assertFalse(t.containsKey(new Object()));
        t.remove(symbol);
        assertTrue(t.isEmpty());
    }

    @Test
    void anEmitterWithManyEventNamesStillEmitsToEachOne() {
        EventEmitter e = new EventEmitter();
        int[] calls = new int[40];
        for (int i = 0; i < 40; i++) {
            int k = i;
            e.on("event" + i, args -> calls[k]++);
        }
        for (int i = 0; i < 40; i++) {
            assertTrue(e.emit("event" + i));
        }
        assertFalse(e.emit("missing"));
        for (int i = 0; i < 40; i++) {
            assertEquals(1, calls[i], "event" + i);
        }
        assertEquals(40, e.eventNames().size());
    }
}
