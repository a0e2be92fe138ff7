package dev.eventide.stream;

import dev.eventide.events.EventEmitter;
import java.lang.reflect.Method;

/**
 * Node's readable.wrap(oldStream): turns an old-style stream (an EventEmitter with 'data',
 * 'end', 'error', 'close' and optional pause()/resume()) into a readable stream. Pushing past
 * the highWaterMark pauses the old stream; the next _read resumes it. Loop thread only.
 */
final class Wrap {
    private final ReadableStream self;
    private final Runnable pause;
    private final Runnable resume;
    /** The old stream was paused because push() returned false. */
    private boolean paused;

    private Wrap(ReadableStream self, Runnable pause, Runnable resume) {
        this.self = self;
        this.pause = pause;
        this.resume = resume;
    }

    static ReadableStream wrap(ReadableStream self, EventEmitter stream, Runnable pause, Runnable resume) {
        Wrap w = new Wrap(self, pause, resume);
        stream.on("data", args -> {
            if (!self.push(args[0]) && w.pause != null) {
                w.paused = true;
                w.pause.run();
            }
        });
        stream.on("end", args -> self.push(null));
        stream.on("error", args -> self.errorOrDestroy((Throwable) args[0], false));
        stream.on("close", args -> self.destroy());
        stream.on("destroy", args -> self.destroy());
        self.wrapped = w;
        return self;
    }

    /** The wrapped stream's _read: resume the old stream if it was paused. */
    void read() {
        if (paused && resume != null) {
            paused = false;
            resume.run();
        }
    }

    /** The old stream's public no-argument method (pause or resume), or null when it has none. */
    static Runnable method(EventEmitter stream, String name) {
        if (stream instanceof ReadableStream r) {
            return "pause".equals(name) ? r::pause : r::resume;
        }
        try {
            Method m = stream.getClass().getMethod(name);
            return () -> {
                try {
                    m.invoke(stream);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(name + "() of the wrapped stream failed", e);
                }
            };
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }
}
