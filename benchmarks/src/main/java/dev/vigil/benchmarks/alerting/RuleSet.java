package dev.vigil.benchmarks.alerting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rule files the driver loads: one group per team, {@value #RULES_PER_GROUP} rules each, every rule reading the
 * raw series of its team, so that together the rules of each kind cover the whole {@link Fleet}. Per group:
 * {@value #RECORDING_PER_GROUP} recording rules (request rates by service and code, error ratio by instance, lowest
 * free disk by service) and {@value #ALERTING_PER_GROUP} alerting rules (service and instance error ratio, traffic
 * drop against 15 minutes ago, a surge of 404s, a disk almost full, a disk predicted to fill within four hours, low
 * average free disk by service). Some select by {@code team}, some by a regular expression over the team's
 * services. Every rule labels what it produces with its team, as rules kept per team often do (and so no two rules
 * of a file are the same rule). Groups run every {@value #INTERVAL_SECONDS}s and are written {@value #GROUPS_PER_FILE}
 * to a file.
 * Stateless.
 */
final class RuleSet {

    static final int RECORDING_PER_GROUP = 3;
    static final int ALERTING_PER_GROUP = 7;
    static final int RULES_PER_GROUP = RECORDING_PER_GROUP + ALERTING_PER_GROUP;
    static final int INTERVAL_SECONDS = 15;
    static final int GROUPS_PER_FILE = 10;
    /** The alert the driver causes by flipping a disk: it has no {@code for}, so it fires at the first evaluation. */
    static final String FLIP_ALERT = "DiskAlmostFull";

    private RuleSet() {}

    /**
     * Writes the rule files for {@code fleet} into {@code directory}.
     *
     * @return the files written
     */
    static List<Path> write(Fleet fleet, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (int first = 0; first < fleet.teams(); first += GROUPS_PER_FILE) {
            StringBuilder yaml = new StringBuilder("groups:\n");
            for (int team = first; team < Math.min(first + GROUPS_PER_FILE, fleet.teams()); team++) {
                group(fleet, team, yaml);
            }
            Path file = directory.resolve(String.format(Locale.ROOT, "rules-%03d.yml", files.size()));
            Files.writeString(file, yaml);
            files.add(file);
        }
        return files;
    }

    /**
     * The key under which the driver follows an alert of {@link #FLIP_ALERT}: the disk's instance and device; null
     * for any other alert.
     */
    static @Nullable String flipKey(Map<String, String> labels) {
        if (!FLIP_ALERT.equals(labels.get("alertname"))) {
            return null;
        }
        return diskKey(labels.get("instance"), labels.get("device"));
    }

    /** The key of the alert {@link #FLIP_ALERT} raises for the disk {@code device} of {@code instance}. */
    static String diskKey(@Nullable String instance, @Nullable String device) {
        return instance + " " + device;
    }

    private static void group(Fleet fleet, int team, StringBuilder yaml) {
        String name = Fleet.team(team);
        String byTeam = "team=\"" + name + "\"";
        String byServices = "service=~\"" + String.join("|", fleet.services(team)) + "\"";
        String requests = Fleet.COUNTER + "{" + byTeam + "}";
        String errors = Fleet.COUNTER + "{" + byTeam + ",code=~\"5..\"}";
        String disks = Fleet.GAUGE + "{" + byTeam + "}";
        yaml.append("  - name: ").append(name).append('\n')
                .append("    interval: ").append(INTERVAL_SECONDS).append("s\n")
                .append("    rules:\n");
        record(yaml, name, "service_code:http_requests:rate5m",
                "sum by (team, service, code) (rate(" + requests + "[5m]))");
        record(yaml, name, "instance:http_requests_errors:ratio_rate5m",
                "sum by (team, service, instance) (rate(" + errors + "[5m]))"
                        + " / sum by (team, service, instance) (rate(" + requests + "[5m]))");
        record(yaml, name, "service:disk_free_ratio:min", "min by (team, service) (" + Fleet.GAUGE + "{" + byServices + "})");
        alert(yaml, "HighErrorRate",
                "sum by (service) (rate(" + errors + "[5m])) / sum by (service) (rate(" + requests + "[5m])) > 0.05",
                "5m", "page", name, "{{ $labels.service }} fails {{ $value | humanizePercentage }} of its requests");
        String serviceRequests = Fleet.COUNTER + "{" + byServices + "}";
        String serviceErrors = Fleet.COUNTER + "{" + byServices + ",code=~\"5..\"}";
        alert(yaml, "InstanceErrorRate",
                "sum by (service, instance) (rate(" + serviceErrors + "[5m]))"
                        + " / sum by (service, instance) (rate(" + serviceRequests + "[5m])) > 0.2",
                "10m", "warning", name,
                "{{ $labels.instance }} of {{ $labels.service }} fails {{ $value | humanizePercentage }} of its requests");
        String ok = Fleet.COUNTER + "{" + byTeam + ",code=~\"2..\"}";
        alert(yaml, "TrafficDrop",
                "sum by (service) (rate(" + ok + "[5m])) < 0.5 * sum by (service) (rate(" + ok + "[5m] offset 15m))",
                "10m", "warning", name, "{{ $labels.service }} answers only {{ $value | humanize }} requests per second");
        alert(yaml, "NotFoundSurge",
                "sum by (service) (increase(" + Fleet.COUNTER + "{" + byTeam + ",code=\"404\"}[10m])) > 20000",
                "15m", "info", name, "{{ $labels.service }} answered {{ $value | humanize }} requests with 404 in 10 minutes");
        alert(yaml, FLIP_ALERT, disks + " < 0.05", null, "page", name,
                "{{ $labels.device }} on {{ $labels.instance }} has {{ $value | humanizePercentage }} free");
        alert(yaml, "DiskFillingUp", "predict_linear(" + disks + "[30m], 4 * 3600) < 0", "10m", "warning", name,
                "{{ $labels.device }} on {{ $labels.instance }} fills up within four hours");
        alert(yaml, "ServiceDiskLow", "avg by (service) (" + Fleet.GAUGE + "{" + byServices + "}) < 0.2", "5m", "warning",
                name, "the disks of {{ $labels.service }} are {{ $value | humanizePercentage }} free on average");
    }

    private static void record(StringBuilder yaml, String team, String metric, String expr) {
        yaml.append("      - record: ").append(metric).append('\n')
                .append("        expr: ").append(quote(expr)).append('\n')
                .append("        labels:\n")
                .append("          team: ").append(team).append('\n');
    }

    private static void alert(StringBuilder yaml, String name, String expr, @Nullable String hold, String severity,
            String team, String summary) {
        yaml.append("      - alert: ").append(name).append('\n')
                .append("        expr: ").append(quote(expr)).append('\n');
        if (hold != null) {
            yaml.append("        for: ").append(hold).append('\n');
        }
        yaml.append("        labels:\n")
                .append("          severity: ").append(severity).append('\n')
                .append("          team: ").append(team).append('\n');
        yaml.append("        annotations:\n")
                .append("          summary: ").append(quote(summary)).append('\n');
    }

    /** A YAML single-quoted scalar. */
    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
