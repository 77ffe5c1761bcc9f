package dev.vigil.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ThrowableProxy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Stack traces read exactly as the JVM prints them. */
class StackTracesTest {

    @Test
    void aChainOfCausesWithSuppressedExceptionsIsWrittenAsJavaWritesIt() {
        Exception e = nested();
        assertThat(StackTraces.print(new ThrowableProxy(e))).isEqualTo(printed(e));
    }

    @Test
    void aCycleIsWrittenAsJavaWritesIt() {
        IllegalStateException outer = new IllegalStateException("outer");
        IOException inner = new IOException("inner", outer);
        outer.initCause(inner);
        assertThat(StackTraces.print(new ThrowableProxy(outer))).isEqualTo(printed(outer));
    }

    @Test
    void anExceptionWithItsOwnToStringKeepsIt() {
        Exception e = new RuntimeException("plain") {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return "custom: plain";
            }
        };
        assertThat(StackTraces.print(new ThrowableProxy(e))).isEqualTo(printed(e));
        assertThat(StackTraces.firstLine(new ThrowableProxy(new IllegalStateException()))).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void maskingReachesEveryMessageOfTheChain() {
        Exception e = nested();
        String masked = StackTraces.print(MaskedThrowableProxy.of(new ThrowableProxy(e), new TestingMasker()::mask));
        assertThat(masked).isEqualTo(printed(e).replace(TestingMasker.EMAIL, "[email]").replace(TestingMasker.TOKEN, "[token]"));
        assertThat(masked).doesNotContain(TestingMasker.EMAIL).doesNotContain(TestingMasker.TOKEN);
    }

    private static Exception nested() {
        try {
            level1();
            throw new AssertionError("unreachable");
        } catch (IllegalStateException e) {
            e.addSuppressed(new IOException("closing failed for " + TestingMasker.EMAIL));
            return e;
        }
    }

    private static void level1() {
        try {
            level2();
        } catch (IOException e) {
            throw new IllegalStateException("level 1 failed", e);
        }
    }

    private static void level2() throws IOException {
        try {
            Integer.parseInt("not a number");
        } catch (NumberFormatException e) {
            throw new IOException("level 2 failed with " + TestingMasker.TOKEN, e);
        }
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            t.printStackTrace(writer);
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
