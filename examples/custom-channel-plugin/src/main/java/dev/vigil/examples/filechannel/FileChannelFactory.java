package dev.vigil.examples.filechannel;

import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.NotificationChannelFactory;

/** Makes {@code file} channels. Stateless and thread-safe. */
public final class FileChannelFactory implements NotificationChannelFactory<FileChannelConfig> {

    @Override
    public String type() {
        return "file";
    }

    @Override
    public Class<FileChannelConfig> configType() {
        return FileChannelConfig.class;
    }

    @Override
    public void validate(FileChannelConfig config) {
        if (!config.path().isAbsolute()) {
            throw new IllegalArgumentException("path: must be absolute, got '" + config.path() + "'");
        }
    }

    @Override
    public NotificationChannel create(String name, FileChannelConfig config, ChannelContext context) {
        return new JsonLinesChannel(name, config);
    }
}
