package dev.eventide.events;

import dev.eventide.promise.Promise;
import dev.eventide.promise.Thenable;
import java.util.function.Consumer;

/** The loop behind {@link AsyncIterator#forEach}: one step per settled {@code next()}. Loop thread only. */
final class ForAwait {
    private ForAwait() {}

    static <T> void step(AsyncIterator<T> it, Promise.Fn<? super T, ?> body,
            Consumer<Void> resolve, Consumer<Throwable> reject) {
        it.next().then(r -> {
            if (r.done()) {
                resolve.accept(null);
                return null;
            }
            Object out;
            try {
                out = body.apply(r.value());
            } catch (Exception e) {
                it.close().then(x -> null, x -> null);
                reject.accept(e);
                return null;
            }
            if (out instanceof Thenable<?> t) {
                Promise.resolve((Object) t).then(v -> afterBody(it, body, v, resolve, reject), e -> {
                    it.close().then(x -> null, x -> null);
                    reject.accept(e);
                    return null;
                });
            } else {
                afterBody(it, body, out, resolve, reject);
            }
            return null;
        }, e -> {
            reject.accept(e);
            return null;
        });
    }

    private static <T> Object afterBody(AsyncIterator<T> it, Promise.Fn<? super T, ?> body, Object out,
            Consumer<Void> resolve, Consumer<Throwable> reject) {
        if (out == AsyncIterator.BREAK) {
            it.close().then(x -> {
                resolve.accept(null);
                return null;
            }, e -> {
                reject.accept(e);
                return null;
            });
        } else {
            step(it, body, resolve, reject);
        }
        return null;
    }
}
