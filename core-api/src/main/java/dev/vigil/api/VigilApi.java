package dev.vigil.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about the core API that is running, such as its version, used to check plugin compatibility. */
public final class VigilApi {

    private static final String VERSION = readVersion();

    private VigilApi() {}

    /**
     * The version of the core API on the platform layer, such as {@code 0.1.0}. A plugin declares the
     * version it was built against in its {@code Vigil-Plugin-Api} manifest header, and the kernel refuses
     * a plugin whose declared version is not compatible with this one.
     */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = VigilApi.class.getResourceAsStream("vigil-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("vigil-api.properties is missing from the core API JAR");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the core API version", e);
        }
    }
}
