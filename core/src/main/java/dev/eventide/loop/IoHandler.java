package dev.eventide.loop;

import java.nio.channels.SelectionKey;

/** Called in the poll phase when a registered channel is ready (SPI for net, fs watchers...). */
@FunctionalInterface
public interface IoHandler {
    void ready(SelectionKey key) throws Exception;
}
