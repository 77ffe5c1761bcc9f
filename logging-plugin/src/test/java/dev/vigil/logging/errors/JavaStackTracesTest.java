package dev.vigil.logging.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaStackTracesTest {

    @Test
    void readsTheChainAndPutsBackTheFramesAMoreLineStandsFor() {
        String trace = """
                com.example.orders.OrderException: could not load order 42
                	at com.example.orders.OrderRepository.load(OrderRepository.java:55)
                	at com.example.orders.OrderService.get(OrderService.java:31)
                	at com.example.web.OrderController.show(OrderController.java:20)
                	at java.base/java.lang.Thread.run(Thread.java:1583)
                Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available
                spanning a second line
                	at com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)
                	at com.example.orders.OrderRepository.load(OrderRepository.java:52)
                	... 3 more
                """;
        List<ThrownException> chain = JavaStackTraces.parse(trace);

        assertThat(chain).extracting(ThrownException::type).containsExactly("com.example.orders.OrderException",
                "java.sql.SQLTransientConnectionException");
        assertThat(chain.get(0).message()).isEqualTo("could not load order 42");
        assertThat(chain.get(1).message()).isEqualTo("HikariPool-1 - Connection is not available\nspanning a second line");
        assertThat(chain.get(1).frames()).extracting(StackFrame::qualifiedMethod).containsExactly(
                "com.zaxxer.hikari.pool.HikariPool.createTimeoutException", "com.example.orders.OrderRepository.load",
                "com.example.orders.OrderService.get", "com.example.web.OrderController.show", "java.lang.Thread.run");
        assertThat(chain.get(0).frames().get(0)).isEqualTo(new StackFrame("com.example.orders.OrderRepository", "load", "OrderRepository.java:55"));
    }

    @Test
    void skipsSuppressedBlocksAndReadsLogbackOutput() {
        String trace = """
                Exception in thread "worker-1" java.lang.IllegalStateException
                	at app//com.example.Job.run(Job.java:10) ~[job.jar:1.2.0]
                	Suppressed: java.io.IOException: close failed
                		at com.example.Resource.close(Resource.java:5)
                		... 1 common frames omitted
                	Caused by: java.io.EOFException: inner of the suppressed one
                		at com.example.Stream.read(Stream.java:9)
                	at com.example.Main.main(Main.java:3) [job.jar:1.2.0]
                Caused by: java.lang.ArithmeticException: / by zero
                	at com.example.Math.divide(Math.java:7)
                	... 2 common frames omitted
                """;
        List<ThrownException> chain = JavaStackTraces.parse(trace);

        assertThat(chain).extracting(ThrownException::type).containsExactly("java.lang.IllegalStateException", "java.lang.ArithmeticException");
        assertThat(chain.get(0).message()).isEmpty();
        assertThat(chain.get(0).frames()).extracting(StackFrame::qualifiedMethod).containsExactly("com.example.Job.run", "com.example.Main.main");
        assertThat(chain.get(1).frames()).extracting(StackFrame::qualifiedMethod).containsExactly("com.example.Math.divide",
                "com.example.Job.run", "com.example.Main.main");
    }

    @Test
    void aRealThrowableReadsBackWithItsFrames() {
        Exception e = new IllegalArgumentException("bad", new IllegalStateException("root"));
        List<ThrownException> chain = JavaStackTraces.parse(ErrorRecords.stackTrace(e));

        assertThat(chain).hasSize(2);
        assertThat(chain.get(1).frames()).hasSameSizeAs(chain.get(0).frames());
        assertThat(chain.get(1).frames().get(0).qualifiedMethod())
                .isEqualTo(getClass().getName() + ".aRealThrowableReadsBackWithItsFrames");
    }

    @Test
    void textThatIsNotAJavaStackTraceHasNoChain() {
        assertThat(JavaStackTraces.parse("")).isEmpty();
        assertThat(JavaStackTraces.parse("Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nKeyError: 'x'")).isEmpty();
        assertThat(JavaStackTraces.parse("something went wrong: see logs")).isEmpty();
    }
}
