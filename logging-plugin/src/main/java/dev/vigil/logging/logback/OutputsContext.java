package dev.vigil.logging.logback;

import ch.qos.logback.core.ContextBase;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Logback context of the plugin's own components, with the two executors the rolling file output uses replaced:
 *
 * <ul>
 *   <li>Deleting old rolled files runs on the thread that rolls a file over, instead of on a pool. Logback's archive
 *       remover shares a {@code RollingCalendar} (a mutable {@code GregorianCalendar}) with the rolling policy and
 *       with the removals still running, so removals that overlap compute wrong days and can delete the current
 *       day's files; run under the appender's lock, they cannot overlap. A removal lists the folder a few times,
 *       once per roll-over.</li>
 *   <li>Compressing rolled files runs on one thread of the plugin's, in the order the files rolled, and
 *       {@link #stop()} waits for what is under way: a stopping plugin leaves no half-compressed file, and the thread
 *       never carries the context class loader of whichever plugin happened to log when it started.</li>
 * </ul>
 */
final class OutputsContext extends ContextBase {

    private static final long STOP_WAIT_SECONDS = 30;

    private final ExecutorService inline = new InlineExecutor();
    private final ThreadPoolExecutor compression = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "vigil-log-compression");
                t.setDaemon(true);
                t.setContextClassLoader(OutputsContext.class.getClassLoader());
                return t;
            });

    /** What Logback compresses rolled files on. */
    @Override
    public synchronized ExecutorService getExecutorService() {
        return compression;
    }

    /** What Logback deletes old rolled files on: the calling thread. */
    @Override
    public synchronized ExecutorService getAlternateExecutorService() {
        return inline;
    }

    /** Stops Logback's own executors, and waits up to 30 seconds for the compressions under way. */
    @Override
    public void stop() {
        compression.shutdown();
        try {
            compression.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.stop();
    }

    /** Runs each task at once on the thread that submits it. */
    private static final class InlineExecutor extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
