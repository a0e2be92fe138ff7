package dev.eventide.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.FakeClock;
import dev.eventide.loop.Timers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Promise's API: settling, handlers, state accessors, CompletionStage bridges, bad input. */
@org.junit.jupiter.api.Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
class PromiseTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    static String code(Throwable t) {
        return t instanceof NodeError e ? e.code() : t.toString();
    }

    @Test
    void theExecutorRunsAtOnceAndTheFirstSettlementWins() {
        clock.run(() -> {
            Promise<String> p = new Promise<>((resolve, reject) -> {
                trace.add("executor");
                resolve.accept("first");
                resolve.accept("second");
                reject.accept(new IllegalStateException("late"));
            });
            trace.add("after constructor");
            assertThat(p.isFulfilled()).isTrue();
            assertThat(p.value()).isEqualTo("first");
            assertThat(p.toString()).isEqualTo("Promise { first }");
        });
        assertThat(trace).containsExactly("executor", "after constructor");
    }

    @Test
    void anExecutorThatThrowsRejectsUnlessAlreadyResolved() {
        clock.run(() -> {
            Promise<String> p = new Promise<>((resolve, reject) -> {
                throw new IOException("executor failed");
            });
            assertThat(p.isRejected()).isTrue();
            assertThat(p.reason()).hasMessage("executor failed");
            p.catchError(e -> null);
            Promise<String> q = new Promise<>((resolve, reject) -> {
                resolve.accept("ok");
                throw new IOException("ignored");
            });
            assertThat(q.value()).isEqualTo("ok");
        });
    }

    @Test
    void thenPassesRejectionsThroughAndCatchErrorRecovers() {
        clock.run(() -> Promise.<Integer>reject(new IllegalStateException("bad"))
                .then(v -> v + 1)
                .catchError(e -> {
                    trace.add("caught " + e.getMessage());
                    return 0;
                })
                .then(v -> trace.add("value " + v)));
        assertThat(trace).containsExactly("caught bad", "value 0");
    }

    @Test
    void aHandlerThatThrowsRejectsTheDerivedPromise() {
        clock.run(() -> Promise.resolve(1)
                .then(v -> {
                    throw new IOException("handler failed");
                })
                .then(v -> trace.add("not reached"), e -> trace.add("rejected " + e)));
        assertThat(trace).containsExactly("rejected java.io.IOException: handler failed");
    }

    @Test
    void andFinallyKeepsTheOutcomeOrReplacesItWithWhatItThrows() {
        clock.run(() -> {
            Promise.resolve("v").andFinally(() -> trace.add("fin1")).then(v -> trace.add("kept " + v));
            Promise.resolve("v").andFinally(() -> {
                throw new IOException("fin failed");
            }).then(v -> v, e -> trace.add("replaced " + e.getMessage()));
            Promise.<String>reject(new IOException("orig")).andFinally(() -> trace.add("fin3"))
                    .then(v -> v, e -> trace.add("still " + e.getMessage()));
        });
        assertThat(trace).containsExactly("fin1", "fin3", "replaced fin failed", "kept v", "still orig");
    }

    @Test
    void aPromiseResolvedWithItselfRejectsWithAChainingCycleError() {
        clock.run(() -> {
            Deferred<Object> d = Promise.withResolvers();
            d.resolveWith(Promise.cast(d.promise()));
            d.promise().then(v -> v, e -> trace.add(e.getMessage()));
        });
        assertThat(trace).containsExactly("Chaining cycle detected for promise #<Promise>");
    }

    @Test
    void promiseResolveReturnsTheSamePromiseForOneOfItsLoop() {
        clock.run(() -> {
            Promise<Integer> p = Promise.resolve(1);
            assertThat(Promise.resolve(p)).isSameAs(p);
            assertThat(Promise.resolve().value()).isNull();
        });
    }

    @Test
    void aThenableThatCallsBackTwiceOrThrowsAfterResolvingSettlesOnce() {
        clock.run(() -> {
            Thenable<String> noisy = (onFulfilled, onRejected) -> {
                onFulfilled.accept("one");
                onFulfilled.accept("two");
                onRejected.accept(new IllegalStateException("three"));
                throw new IllegalStateException("four");
            };
            Promise.resolve(noisy).then(v -> trace.add("got " + v), e -> trace.add("rejected " + e));
            Thenable<String> failing = (onFulfilled, onRejected) -> {
                throw new IllegalStateException("subscribe failed");
            };
            Promise.resolve(failing).then(v -> v, e -> trace.add("failing " + e.getMessage()));
        });
        assertThat(trace).containsExactlyInAnyOrder("got one", "failing subscribe failed");
    }

    @Test
    void deferredResolvesOnceAndNullReasonsBecomeAnError() {
        clock.run(() -> {
            Deferred<String> d = Promise.withResolvers();
            assertThat(d.promise().isPending()).isTrue();
            d.reject(null);
            d.resolve("late");
            assertThat(d.promise().reason()).isInstanceOf(NullPointerException.class);
            d.promise().catchError(e -> null);
            assertThatThrownBy(() -> d.promise().value()).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_STATE");
            assertThatThrownBy(() -> Promise.resolve(1).reason()).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_STATE");
            assertThat(Promise.withResolvers().promise().toString()).isEqualTo("Promise { <pending> }");
        });
    }

    @Test
    void asyncRunsItsBodyNowAndRejectsWithWhatItThrows() {
        clock.run(() -> {
            Promise<String> ok = Promise.async(() -> {
                trace.add("body");
                return "value";
            });
            trace.add("after async");
            assertThat(ok.value()).isEqualTo("value");
            Promise.async(() -> {
                throw new IOException("async failed");
            }).then(v -> v, e -> trace.add("rejected " + e.getMessage()));
        });
        assertThat(trace).containsExactly("body", "after async", "rejected async failed");
    }

    @Test
    void fromACompletionStageDoneOnAnotherThreadSettlesOnTheLoopAndKeepsItAlive() {
        Thread[] settledOn = new Thread[1];
        int code = EventLoop.run(() -> {
            CompletableFuture<String> cf = new CompletableFuture<>();
            Promise.from(cf).then(v -> {
                settledOn[0] = Thread.currentThread();
                return trace.add("from " + v);
            });
            CompletableFuture<String> failing = new CompletableFuture<>();
            Promise.from(failing).then(v -> v, e -> trace.add("failed " + e));
            new Thread(() -> {
                cf.complete("other thread");
                failing.completeExceptionally(new IOException("io"));
            }).start();
        });
        assertThat(code).isZero();
        assertThat(trace).containsExactly("from other thread", "failed java.io.IOException: io");
        assertThat(settledOn[0]).isSameAs(Thread.currentThread());
    }

    @Test
    void fromAStageThatAlreadyFailedUnwrapsTheCompletionException() {
        clock.run(() -> {
            CompletableFuture<String> done = CompletableFuture.<String>failedFuture(new IOException("x")).thenApply(s -> s);
            Promise.from(done).then(v -> v, e -> trace.add(e.getClass().getSimpleName()));
        });
        assertThat(trace).containsExactly("IOException");
    }

    @Test
    void toCompletableFutureCompletesOnTheLoopThreadAndCountsAsAHandler() throws Exception {
        AtomicReference<CompletableFuture<String>> ok = new AtomicReference<>();
        AtomicReference<CompletableFuture<String>> bad = new AtomicReference<>();
        Thread[] completedOn = new Thread[1];
        int code = clock.run(() -> {
            Deferred<String> d = Promise.withResolvers();
            ok.set(d.promise().toCompletableFuture());
            ok.get().thenRun(() -> completedOn[0] = Thread.currentThread());
            Timers.setTimeout(() -> d.resolve("done"), 5);
            bad.set(Promise.<String>reject(new IOException("no")).toCompletableFuture());
        });
        assertThat(code).isZero();
        assertThat(ok.get().get()).isEqualTo("done");
        assertThat(completedOn[0]).isSameAs(Thread.currentThread());
        assertThatThrownBy(() -> bad.get().get()).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void resolvingFromAForeignThreadIsErrWrongThread() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        clock.run(() -> {
            Deferred<String> d = Promise.withResolvers();
            Thread t = new Thread(() -> {
                try {
                    d.resolve("x");
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            t.start();
            t.join();
            d.resolve("on loop");
        });
        assertThat(code(thrown.get())).isEqualTo("ERR_WRONG_THREAD");
    }

    @Test
    void badArgumentsAreInvalidArgType() {
        clock.run(() -> {
            assertThatThrownBy(() -> new Promise<String>((Promise.Init<String>) null)).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.resolve(1).andFinally(null)).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.from(null)).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.all(null)).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.allSettled(null)).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.race(null)).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.any(null)).extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.resolve(1).subscribe(null, e -> { }))
                    .extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
            assertThatThrownBy(() -> Promise.resolve(1).subscribe(v -> { }, null))
                    .extracting(PromiseTest::code).isEqualTo("ERR_INVALID_ARG_TYPE");
        });
        assertThatThrownBy(() -> Promise.resolve(1)).extracting(PromiseTest::code).isEqualTo("ERR_NO_LOOP");
    }

    @Test
    void thenWithoutHandlersPassesTheValueThrough() {
        clock.run(() -> Promise.resolve(3).then(null).then(null, null).then(v -> trace.add("through " + v)));
        assertThat(trace).containsExactly("through 3");
    }
}
