package dev.vigil.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example plugin JARs built by this reactor, as users get them. */
final class Examples {

    private Examples() {}

    static Path hello() {
        return jar("vigil-hello-plugin.jar");
    }

    static Path helloConsumer() {
        return jar("vigil-hello-consumer-plugin.jar");
    }

    private static Path jar(String name) {
        String folder = System.getProperty("vigil.examples");
        if (folder == null) {
            throw new IllegalStateException("system property vigil.examples is not set; run the tests through Maven");
        }
        Path jar = Path.of(folder, name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; the build copies it before the tests run");
        }
        return jar;
    }
}
