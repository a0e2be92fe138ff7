package dev.eventide.loop;

import java.util.Arrays;

/**
 * A binary min-heap of {@link TimerList}s that knows each list's position, so a list can be
 * removed or re-sorted in O(log n) (Node's internal/priority_queue). Loop thread only.
 */
final class TimerHeap {
    private TimerList[] heap = new TimerList[16];
    private int size;

    TimerList peek() {
        return size == 0 ? null : heap[0];
    }

    int size() {
        return size;
    }

    void insert(TimerList list) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = list;
        list.heapIndex = size;
        size++;
        up(size - 1);
    }

    void remove(TimerList list) {
        int i = list.heapIndex;
        if (i < 0 || i >= size || heap[i] != list) {
            return;
        }
        size--;
        TimerList last = heap[size];
        heap[size] = null;
        list.heapIndex = -1;
        if (i == size) {
            return;
        }
        heap[i] = last;
        last.heapIndex = i;
        up(i);
        down(last.heapIndex);
    }

    /** Restores order after the list's expiry or id changed. */
    void update(TimerList list) {
        up(list.heapIndex);
        down(list.heapIndex);
    }

    private void up(int i) {
        TimerList item = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!item.before(heap[parent])) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(item, i);
    }

    private void down(int i) {
        TimerList item = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) {
                child = right;
            }
            if (!heap[child].before(item)) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(item, i);
    }

    private void place(TimerList list, int i) {
        heap[i] = list;
        list.heapIndex = i;
    }
}
