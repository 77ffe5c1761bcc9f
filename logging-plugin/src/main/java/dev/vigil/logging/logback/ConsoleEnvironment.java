package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the console output writes and whether it is a terminal.
 *
 * @param out standard output, looked up at each write so that a stream replaced later is followed
 * @param err standard error, likewise
 * @param terminal whether the process runs on a terminal
 * @param env the environment, for {@code NO_COLOR} and {@code TERM}
 */
record ConsoleEnvironment(Supplier<PrintStream> out, Supplier<PrintStream> err, boolean terminal, Map<String, String> env) {

    ConsoleEnvironment {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        env = Map.copyOf(env);
    }

    /** The process's own streams and environment. */
    static ConsoleEnvironment system() {
        return new ConsoleEnvironment(() -> System.out, () -> System.err, Terminal.interactive(), System.getenv());
    }

    /** A stream onto {@code out} or {@code err} that an appender may close without closing the real one. */
    OutputStream stream(boolean toErr) {
        return new Stream(toErr ? err : out);
    }

    private static final class Stream extends OutputStream {

        private final Supplier<PrintStream> target;

        Stream(Supplier<PrintStream> target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.get().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.get().write(b, off, len);
        }

        @Override
        public void flush() {
            target.get().flush();
        }

        @Override
        public void close() throws IOException {
            // the process's stream outlives the appender
            flush();
        }
    }
}
