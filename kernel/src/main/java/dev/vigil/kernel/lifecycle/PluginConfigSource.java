package dev.vigil.kernel.lifecycle;

/** Binds a plugin's section of the current configuration to its configuration type. */
@FunctionalInterface
public interface PluginConfigSource {

    /**
     * The value of section {@code pluginId} bound to {@code type}.
     *
     * @throws PluginConfigException with the problems, each naming file, line and path
     */
    Object bind(String pluginId, Class<?> type) throws PluginConfigException;

    /** Configuration problems of one plugin's section, already formatted one per line. */
    final class PluginConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public PluginConfigException(String message) {
            super(message);
        }
    }
}
