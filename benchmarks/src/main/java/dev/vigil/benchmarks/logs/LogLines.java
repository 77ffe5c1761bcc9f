package dev.vigil.benchmarks.logs;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.MDC;

/**
 * A benchmark thread's place in the {@link LogMix}: hands out its calls in a cycle and keeps the thread's MDC set to
 * the current call's request, changing it when a new request starts, as a request filter would. Both benchmarks use
 * the same mix in the same order. Confined to its thread.
 */
@State(Scope.Thread)
public class LogLines {

    static final long SEED = 6;
    private static final int REQUESTS = 1024;
    private static final int CALLS_PER_REQUEST = 4;

    private LogCall[] calls = new LogCall[0];
    private int next;
    private LogCall.@Nullable Request current;

    /** Draws the mix. */
    @Setup(Level.Trial)
    public void prepare() {
        calls = LogMix.calls(SEED, REQUESTS, CALLS_PER_REQUEST);
        next = 0;
        current = null;
    }

    /** The next call of the mix, with the MDC set for its request. */
    LogCall next() {
        LogCall call = calls[next];
        next = next + 1 == calls.length ? 0 : next + 1;
        if (call.request() != current) {
            enter(call.request());
        }
        return call;
    }

    /** Leaves the thread's MDC empty. */
    @TearDown(Level.Trial)
    public void clear() {
        MDC.clear();
        current = null;
    }

    private void enter(LogCall.Request request) {
        MDC.put("request_id", request.requestId());
        MDC.put("user_id", request.userId());
        if (request.tenant() != null) {
            MDC.put("tenant", request.tenant());
        } else {
            MDC.remove("tenant");
        }
        current = request;
    }
}
