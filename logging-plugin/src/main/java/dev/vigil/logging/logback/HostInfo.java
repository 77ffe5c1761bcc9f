package dev.vigil.logging.logback;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What identifies this process in its records and messages.
 *
 * @param hostName the host's name
 * @param pid the process id
 * @param instanceId OpenTelemetry's {@code service.instance.id}: a UUID made from the host, the process id and the
 *     process's start time, so that it stays the same when the plugin is reloaded and differs for every process
 */
record HostInfo(String hostName, long pid, String instanceId) {

    HostInfo {
        requireNonNull(hostName, "hostName is null");
        requireNonNull(instanceId, "instanceId is null");
    }

    /** This process; asks the resolver for the host's name once. */
    static HostInfo local() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            host = env == null || env.isBlank() ? "localhost" : env;
        }
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElse(Instant.EPOCH);
        String seed = host + "/" + self.pid() + "/" + started;
        return new HostInfo(host, self.pid(), UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
    }
}
