package dev.vigil.logging.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameRulesTest {

    private static StackFrame frame(String qualified) {
        return JavaStackTraces.frame(qualified + "(X.java:1)");
    }

    @Test
    void platformLibraryAndSyntheticFramesAreNotInApp() {
        FrameRules rules = new FrameRules(List.of(), List.of());
        assertThat(rules.isInApp(frame("com.example.orders.OrderService.load"))).isTrue();
        assertThat(rules.isInApp(frame("dev.vigil.kernel.Kernel.start"))).isTrue();
        for (String system : List.of("java.lang.Thread.run", "javax.servlet.http.HttpServlet.service", "jdk.internal.misc.Unsafe.park",
                "sun.nio.ch.NioSocketImpl.read", "com.sun.proxy.$Proxy12.invoke", "kotlin.coroutines.Continuation.resume",
                "scala.Function1.apply", "org.junit.jupiter.engine.Execute.run", "jakarta.servlet.Filter.doFilter",
                "io.netty.channel.AbstractChannel.write", "org.eclipse.jetty.server.Server.handle",
                "org.springframework.web.servlet.DispatcherServlet.doDispatch")) {
            assertThat(rules.isInApp(frame(system))).as(system).isFalse();
        }
        for (String synthetic : List.of("com.example.Service$$SpringCGLIB$$0.load", "com.example.Service$$Lambda/0x000001.apply",
                "jdk.proxy2.$Proxy45.find", "com.example.Dao$HibernateProxy$xYz.get", "com.example.Outer.access$000",
                "jdk.internal.reflect.GeneratedMethodAccessor12.invoke")) {
            assertThat(rules.isInApp(frame(synthetic))).as(synthetic).isFalse();
        }
    }

    @Test
    void configuredPackagesDecide() {
        FrameRules only = new FrameRules(List.of("com.example.orders", "org.springframework.samples."), List.of("com.example.orders.generated"));
        assertThat(only.isInApp(frame("com.example.orders.OrderService.load"))).isTrue();
        assertThat(only.isInApp(frame("com.example.orders$Inner.load"))).isTrue();
        assertThat(only.isInApp(frame("com.example.ordersx.Other.load"))).isFalse();
        assertThat(only.isInApp(frame("com.example.orders.generated.Mapper.map"))).isFalse();
        assertThat(only.isInApp(frame("org.springframework.samples.petclinic.OwnerController.show"))).isTrue();
        assertThat(only.isInApp(frame("com.example.billing.Invoice.total"))).isFalse();

        FrameRules excluding = new FrameRules(List.of(), List.of("com.vendor"));
        assertThat(excluding.isInApp(frame("com.vendor.sdk.Client.call"))).isFalse();
        assertThat(excluding.isInApp(frame("com.example.Client.call"))).isTrue();
    }

    @Test
    void fingerprintFormDropsLinesAndLambdaNumbers() {
        assertThat(FrameRules.normalized(JavaStackTraces.frame("com.example.A.lambda$load$3(A.java:88)"))).isEqualTo("com.example.A.lambda$load");
        assertThat(FrameRules.normalized(JavaStackTraces.frame("app//com.example.A.load(A.java:12)"))).isEqualTo("com.example.A.load");
    }
}
