package dev.eventide.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An emitter's event names and their listener arrays, in the order the names were first
 * added. Used on the emitter's loop thread only.
 *
 * <p>Most emitters have a handful of event names ('data', 'end', 'error', 'close'...), so the
 * names sit in a flat array with their hash codes beside them and a lookup is a short scan:
 * no map entry per name and no node to follow, which a profile of the HTTP server showed as
 * a tenth of its time in HashMap lookups. An emitter that gathers many names gets a hash index
 * on top, so a lookup never degrades to a long scan.
 */
final class ListenerTable {
    /** Above this many names, lookups go through {@link #index}. */
    private static final int SCAN_LIMIT = 8;

    private Object[] names;
    private int[] hashes;
    private Listener[][] lists;
    private int size;
    /** Name to slot, made when the table grows past SCAN_LIMIT; null when stale or not needed. */
    private Map<Object, Integer> index;

    ListenerTable() {
        names = new Object[4];
        hashes = new int[4];
        lists = new Listener[4][];
    }

    private int slot(Object name) {
        if (size > SCAN_LIMIT) {
            return indexed(name);
        }
        int h = name.hashCode();
        for (int i = 0; i < size; i++) {
            Object n = names[i];
            if (n == name || (hashes[i] == h && n.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    private int indexed(Object name) {
        if (index == null) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put(names[i], i);
            }
        }
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    Listener[] get(Object name) {
        int i = slot(name);
        return i < 0 ? null : lists[i];
    }

    boolean containsKey(Object name) {
        return size > 0 && slot(name) >= 0;
    }

    /** Sets the listeners of {@code name}; a new name goes after the others. */
    void put(Object name, Listener[] listeners) {
        int i = slot(name);
        if (i >= 0) {
            lists[i] = listeners;
            return;
        }
        if (size == names.length) {
            int n = size * 2;
            names = Arrays.copyOf(names, n);
            hashes = Arrays.copyOf(hashes, n);
            lists = Arrays.copyOf(lists, n);
        }
        names[size] = name;
        hashes[size] = name.hashCode();
        lists[size] = listeners;
        if (index != null) {
            index.put(name, size);
        }
        size++;
    }

    /** Removes {@code name} and its listeners; the names after it keep their order. */
    void remove(Object name) {
        int i = slot(name);
        if (i < 0) {
            return;
        }
        int after = size - i - 1;
        System.arraycopy(names, i + 1, names, i, after);
        System.arraycopy(hashes, i + 1, hashes, i, after);
        System.arraycopy(lists, i + 1, lists, i, after);
        size--;
        names[size] = null;
        lists[size] = null;
        index = null;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The names, in the order they were first added. */
    List<Object> names() {
        return List.of(Arrays.copyOf(names, size));
    }
}
