package dev.eventide.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs router.param callbacks for a matched layer's parameters, in order, each value once per
 * request and router (router 2.x's processParams). Only used once a callback is registered.
 * Runs on the loop thread.
 */
final class ParamRunner implements Next {
    private final WebRequest req;
    private final WebResponse res;
    private final Consumer<Throwable> done;
    private final List<Object[]> calls = new ArrayList<>();
    private int index;
    private boolean waiting;

    private ParamRunner(WebRequest req, WebResponse res, Consumer<Throwable> done) {
        this.req = req;
        this.res = res;
        this.done = done;
    }

    static void run(Router router, Dispatch dispatch, WebRequest req, WebResponse res, Map<String, String> params,
            Consumer<Throwable> done) {
        ParamRunner runner = new ParamRunner(req, res, done);
        if (dispatch.paramCalled == null) {
            dispatch.paramCalled = new HashMap<>();
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            List<Router.ParamHandler> handlers = router.paramHandlers.get(e.getKey());
            if (handlers == null || e.getValue().equals(dispatch.paramCalled.get(e.getKey()))) {
                continue;
            }
            dispatch.paramCalled.put(e.getKey(), e.getValue());
            for (Router.ParamHandler h : handlers) {
                runner.calls.add(new Object[] {h, e.getKey(), e.getValue()});
            }
        }
        runner.step(null);
    }

    private void step(Throwable err) {
        if (err != null || index == calls.size()) {
            done.accept(err);
            return;
        }
        Object[] call = calls.get(index++);
        waiting = true;
        try {
            ((Router.ParamHandler) call[0]).handle(req, res, this, (String) call[2], (String) call[1]);
        } catch (dev.eventide.loop.ProcessExit e) {
            throw e;
        } catch (Throwable t) {
            resume(t);
        }
    }

    private void resume(Throwable err) {
        if (waiting) {
            waiting = false;
            step(err);
        }
    }

    @Override
    public void call() {
        resume(null);
    }

    @Override
    public void call(Throwable err) {
        resume(err);
    }

    @Override
    public void route() {
        resume(Dispatch.ROUTE);
    }

    @Override
    public void router() {
        resume(Dispatch.ROUTER);
    }
}
