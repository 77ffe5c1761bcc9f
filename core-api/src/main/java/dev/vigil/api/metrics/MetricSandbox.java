package dev.vigil.api.metrics;

import dev.vigil.api.Experimental;
import java.io.IOException;
import java.time.Duration;

/**
 * A metric store of its own, empty when created, with a PromQL engine over it: for tools that evaluate PromQL
 * over data they bring, such as rule unit tests, without touching the platform's store. The metrics plugin
 * publishes a {@link Factory} in the service registry. Close a sandbox when done; that deletes its data.
 */
@Experimental
public interface MetricSandbox extends AutoCloseable {

    /** The sandbox's store: empty at first, and seen by nothing but {@link #query()}. */
    MetricStore store();

    /** An engine over {@link #store()}. */
    MetricQuery query();

    /** Deletes the sandbox's data; the store and engine are not to be used afterwards. */
    @Override
    void close();

    /** Creates sandboxes; thread-safe. */
    @Experimental
    interface Factory {
        /**
         * A new, empty sandbox.
         *
         * @param defaultSubqueryStep the step of subqueries that give none ({@code promtool test rules} uses the
         *     test file's evaluation interval)
         * @throws IOException if the sandbox's scratch space cannot be made
         */
        MetricSandbox create(Duration defaultSubqueryStep) throws IOException;
    }
}
