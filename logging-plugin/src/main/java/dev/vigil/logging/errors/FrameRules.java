package dev.vigil.logging.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which frames are the application's own (in-app), and the form of a frame that takes part in a fingerprint.
 *
 * <p>A frame is never in-app when the compiler or a framework made it: reflection ({@code GeneratedMethodAccessor},
 * {@code jdk.internal.reflect}), proxies ({@code $Proxy12}, {@code jdk.proxy2}), lambda and CGLIB/ByteBuddy classes
 * ({@code $$Lambda}, {@code $$SpringCGLIB$$0}, {@code $HibernateProxy$}) and synthetic accessors ({@code access$000}).
 * Otherwise a frame under an {@code excludePackages} entry is not in-app; if {@code inAppPackages} is set, only
 * frames under one of them are; else every frame is but those of the Java platform and the common libraries listed
 * in {@link #SYSTEM_PACKAGES}.
 *
 * <p>Frames take part in a fingerprint as {@code class.method}: no file, no line number (a deploy that moves code
 * keeps its groups), and numbered names normalised ({@code lambda$load$3} is {@code lambda$load}). Immutable.
 */
final class FrameRules {

    /** Packages whose frames are not in-app unless {@code inAppPackages} says otherwise. */
    static final List<String> SYSTEM_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.",
            "scala.", "org.junit.", "junit.", "jakarta.", "io.netty.", "org.eclipse.jetty.", "org.springframework.",
            "org.apache.", "org.hibernate.", "com.fasterxml.jackson.", "tools.jackson.", "ch.qos.logback.", "org.slf4j.",
            "io.opentelemetry.", "io.micrometer.", "reactor.", "io.reactivex.", "com.zaxxer.hikari.", "org.postgresql.",
            "com.mysql.", "okhttp3.", "okio.", "io.grpc.", "org.glassfish.", "io.javalin.", "io.undertow.", "org.jboss.",
            "com.google.common.", "com.google.inject.", "com.google.protobuf.", "org.assertj.", "org.mockito.", "net.bytebuddy.",
            "org.gradle.", "worker.org.gradle.", "org.aspectj.", "io.vertx.", "akka.", "org.testng.");

    private static final Pattern LAMBDA_METHOD = Pattern.compile("^(lambda\\$.*?)\\$\\d+$");

    private final List<String> inApp;
    private final List<String> exclude;

    /**
     * @param inAppPackages packages (or classes) whose frames alone are in-app; empty for every non-system package
     * @param excludePackages packages (or classes) whose frames are never in-app
     */
    FrameRules(List<String> inAppPackages, List<String> excludePackages) {
        this.inApp = prefixes(inAppPackages);
        this.exclude = prefixes(excludePackages);
    }

    private static List<String> prefixes(List<String> packages) {
        List<String> out = new ArrayList<>();
        for (String p : packages) {
            String name = p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
            out.add(name);
        }
        return List.copyOf(out);
    }

    /** Whether {@code frame} is the application's own code. */
    boolean isInApp(StackFrame frame) {
        String cls = frame.className();
        if (isSynthetic(frame) || under(cls, exclude)) {
            return false;
        }
        if (!inApp.isEmpty()) {
            return under(cls, inApp);
        }
        for (String system : SYSTEM_PACKAGES) {
            if (cls.startsWith(system)) {
                return false;
            }
        }
        return true;
    }

    private static boolean under(String className, List<String> packages) {
        for (String p : packages) {
            if (className.equals(p) || className.startsWith(p) && className.length() > p.length()
                    && (className.charAt(p.length()) == '.' || className.charAt(p.length()) == '$')) {
                return true;
            }
        }
        return false;
    }

    /** Frames made by the compiler or a framework at run time, which say nothing about where the code is. */
    static boolean isSynthetic(StackFrame frame) {
        String cls = frame.className();
        String method = frame.method();
        return cls.contains("$$") || cls.contains("$Proxy") || cls.startsWith("jdk.proxy") || cls.contains("$HibernateProxy$")
                || cls.contains("$ByteBuddy$") || cls.contains("$MockitoMock$") || cls.contains("GeneratedMethodAccessor")
                || cls.contains("GeneratedConstructorAccessor") || cls.contains("GeneratedSerializationConstructorAccessor")
                || cls.startsWith("jdk.internal.reflect.") || cls.startsWith("sun.reflect.") || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("java.lang.invoke.") || method.startsWith("access$");
    }

    /** {@code class.method} as it takes part in a fingerprint. */
    static String normalized(StackFrame frame) {
        String method = frame.method();
        if (method.startsWith("lambda$")) {
            method = LAMBDA_METHOD.matcher(method).replaceFirst("$1");
        }
        return frame.className() + "." + method;
    }
}
