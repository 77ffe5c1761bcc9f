package dev.vigil.kernel.loader;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The packages of the platform layer: loaded once, by the kernel's class loader, and shared by every
 * plugin, because their types cross the boundary between the kernel and plugins (the core API and what its
 * signatures expose) or because they hold process-wide state (logging) or native code. A plugin's loader
 * always asks its parent for these, even when the plugin bundles a copy; everything else is child-first.
 *
 * @param prefixes package prefixes, each ending with a dot
 */
public record PlatformPackages(List<String> prefixes) {

    /** The platform layer of a Vigil kernel. */
    public static final PlatformPackages DEFAULT = new PlatformPackages(List.of(
            "dev.vigil.api.",
            // Guice and what its API exposes
            "com.google.inject.",
            "jakarta.inject.",
            "javax.inject.",
            "org.aopalliance.",
            "com.google.common.",
            "com.google.errorprone.annotations.",
            // Jackson: configuration types and JSON bodies cross the boundary
            "com.fasterxml.jackson.annotation.",
            "com.fasterxml.jackson.core.",
            "com.fasterxml.jackson.databind.",
            // logging has one configuration per process
            "org.slf4j.",
            "ch.qos.logback.",
            // telemetry APIs whose instances are shared between plugins
            "io.micrometer.core.",
            "io.micrometer.common.",
            "io.micrometer.observation.",
            "io.opentelemetry.api.",
            "io.opentelemetry.context.",
            // what the API and context are built on (opentelemetry-common)
            "io.opentelemetry.common.",
            "org.jspecify."));

    public PlatformPackages {
        prefixes = List.copyOf(requireNonNull(prefixes, "prefixes is null"));
        for (String prefix : prefixes) {
            if (!prefix.endsWith(".")) {
                throw new IllegalArgumentException("package prefix must end with '.': " + prefix);
            }
        }
    }

    /** Whether the class {@code className} belongs to the platform layer. */
    public boolean containsClass(String className) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the resource {@code path} (such as {@code org/slf4j/Logger.class}) belongs to the platform layer. */
    public boolean containsResource(String path) {
        return containsClass(path.replace('/', '.'));
    }
}
