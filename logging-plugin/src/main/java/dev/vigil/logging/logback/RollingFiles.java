package dev.vigil.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.time.Clock;

/** The file output: Logback's rolling file appender with a size-and-time policy made from {@link FileSettings}. */
final class RollingFiles {

    private RollingFiles() {}

    /**
     * A started appender writing {@code settings.path()}; check {@code isStarted()}, false when the file cannot be
     * opened (the reason is in the context's status).
     */
    static RollingFileAppender<ILoggingEvent> start(Context context, FileSettings settings, Encoder<ILoggingEvent> encoder,
            Clock clock) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        Path path = settings.path().toAbsolutePath();
        appender.setFile(path.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);

        ClockedRollingPolicy<ILoggingEvent> policy = new ClockedRollingPolicy<>(clock);
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(archivePattern(path, settings.compress()));
        policy.setMaxFileSize(new FileSize(settings.maxFileSize().bytes()));
        policy.setMaxHistory(settings.maxHistory());
        policy.setTotalSizeCap(new FileSize(settings.totalSizeCap().bytes()));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        return appender;
    }

    /**
     * The names of rolled files: the active file's name with the day and an index before its extension, such as
     * {@code vigil.2025-03-14.0.log} (and {@code .gz}) for {@code vigil.log}.
     */
    static String archivePattern(Path active, boolean compress) {
        String name = active.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path parent = active.getParent();
        String file = base + ".%d{yyyy-MM-dd}.%i" + extension + (compress ? ".gz" : "");
        return parent == null ? file : parent.resolve(file).toString();
    }
}
