package dev.vigil.benchmarks;

import dev.vigil.kernel.loader.PlatformPackages;
import dev.vigil.kernel.loader.PluginClassLoader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a plugin pays for isolation when it loads its classes: a fresh {@link PluginClassLoader} loading a
 * plugin's classes and resolving platform types, against a plain parent-first {@link URLClassLoader} over
 * the same JAR (the baseline). Report the ratio of the two scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassLoadingBenchmark {

    private static final String[] CLASSES = {
        "dev.vigil.examples.hello.HelloPlugin",
        "dev.vigil.examples.hello.HelloConfig",
        "dev.vigil.examples.hello.ConfiguredHelloService",
        "dev.vigil.examples.hello.api.HelloService",
        "dev.vigil.api.plugin.Plugin",
        "com.google.inject.Module",
        "org.slf4j.Logger",
        "java.util.Map",
    };

    private URL jar;

    @Setup
    public void setUp() throws Exception {
        jar = Examples.jar("vigil-hello-plugin.jar").toUri().toURL();
    }

    @Benchmark
    public int pluginClassLoader() throws Exception {
        try (PluginClassLoader loader = new PluginClassLoader("hello", jar, ClassLoadingBenchmark.class.getClassLoader(),
                PlatformPackages.DEFAULT, Map.of())) {
            return loadAll(loader);
        }
    }

    @Benchmark
    public int baselineUrlClassLoader() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoadingBenchmark.class.getClassLoader())) {
            return loadAll(loader);
        }
    }

    private static int loadAll(ClassLoader loader) throws ClassNotFoundException {
        int hash = 0;
        for (String name : CLASSES) {
            hash += loader.loadClass(name).hashCode();
        }
        return hash;
    }

    /** Lets the benchmark find the example JARs from the module folder or the repository root. */
    static final class Examples {
        private Examples() {}

        static Path jar(String name) {
            for (Path candidate : new Path[] {Path.of("target/example-plugins", name), Path.of("benchmarks/target/example-plugins", name)}) {
                if (candidate.toFile().isFile()) {
                    return candidate.toAbsolutePath();
                }
            }
            throw new IllegalStateException(name + " not found under target/example-plugins; build the benchmarks module first");
        }
    }
}
