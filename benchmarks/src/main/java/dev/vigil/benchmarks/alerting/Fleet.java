package dev.vigil.benchmarks.alerting;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricStore;
import dev.vigil.api.metrics.SampleRejectedException;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The monitored estate the driver makes up, from a fixed seed. Teams own services; every service runs
 * {@value #INSTANCES_PER_SERVICE} instances, and every instance exports a request counter per status code,
 * {@code http_requests_total{team, service, instance, code}}, and the free fraction of each of its disks,
 * {@code disk_free_ratio{team, service, instance, device}}: {@value #SERIES_PER_SERVICE} series per service.
 *
 * <p>Counters start where a process up for 1 to 48 hours would be and grow at a per-service rate (0.5 to 50
 * requests per second per instance, 2 % of them 5xx; one service in 30 fails 12 % of its requests), with 10 %
 * noise per scrape. Disks start between 10 % and 95 % free and fill slowly; one in 50 fills fast enough for
 * {@code predict_linear} to see it full within hours, and none comes near 5 % free by itself, so that every
 * {@link RuleSet#FLIP_ALERT} alert is one the driver caused with a flip.
 *
 * <p>{@link #scrape} appends one sample of every series at one time, as a scrape of the whole estate would. Not
 * thread-safe.
 */
final class Fleet {

    static final String COUNTER = "http_requests_total";
    static final String GAUGE = "disk_free_ratio";
    static final int INSTANCES_PER_SERVICE = 20;
    static final int SERIES_PER_SERVICE = 200;
    /** The value a flipped disk reports for one scrape: below every threshold of {@link RuleSet#FLIP_ALERT}. */
    static final double FLIPPED_VALUE = 0.01;

    private static final String[] CODES = {"200", "201", "301", "404", "500", "503"};
    private static final double[] HEALTHY = {0.80, 0.10, 0.03, 0.05, 0.015, 0.005};
    private static final double[] FAILING = {0.70, 0.10, 0.03, 0.05, 0.09, 0.03};
    private static final String[] DEVICES = {"sda", "sdb", "nvme0n1", "nvme1n1"};
    private static final int BATCH = 10_000;

    private final int teams;
    private final int servicesPerTeam;
    private final int counters;
    private final Labels[] labels;
    private final long[] refs;
    /** Counters: the count; disks: the free fraction, without any flip. */
    private final double[] values;
    /** Counters: requests per second; disks: change of the free fraction per second. */
    private final double[] perSecond;
    private final boolean[] flipped;
    private final SplittableRandom random;
    private long lastScrape = Long.MIN_VALUE;

    /**
     * An estate of {@code series} series owned by {@code teams} teams.
     *
     * @throws IllegalArgumentException unless {@code series} is a multiple of {@value #SERIES_PER_SERVICE} and the
     *     services split evenly among the teams
     */
    Fleet(int series, int teams, long seed) {
        if (series <= 0 || series % SERIES_PER_SERVICE != 0) {
            throw new IllegalArgumentException("series must be a positive multiple of " + SERIES_PER_SERVICE + ": " + series);
        }
        int services = series / SERIES_PER_SERVICE;
        if (teams <= 0 || services % teams != 0) {
            throw new IllegalArgumentException(services + " services do not split evenly among " + teams + " teams");
        }
        this.teams = teams;
        this.servicesPerTeam = services / teams;
        this.counters = services * INSTANCES_PER_SERVICE * CODES.length;
        this.labels = new Labels[series];
        this.refs = new long[series];
        this.values = new double[series];
        this.perSecond = new double[series];
        this.flipped = new boolean[series];
        this.random = new SplittableRandom(seed);
        for (int s = 0; s < services; s++) {
            double perInstance = Math.exp(Math.log(0.5) + random.nextDouble() * Math.log(100));
            double[] shares = random.nextInt(30) == 0 ? FAILING : HEALTHY;
            for (int i = 0; i < INSTANCES_PER_SERVICE; i++) {
                int host = s * INSTANCES_PER_SERVICE + i;
                double upSeconds = 3600 * (1 + random.nextDouble() * 47);
                for (int c = 0; c < CODES.length; c++) {
                    int k = host * CODES.length + c;
                    labels[k] = Labels.of(Labels.METRIC_NAME, COUNTER, "code", CODES[c], "instance", instance(host),
                            "service", service(s), "team", team(s / servicesPerTeam));
                    perSecond[k] = perInstance * shares[c];
                    values[k] = Math.rint(perSecond[k] * upSeconds);
                }
                for (int d = 0; d < DEVICES.length; d++) {
                    int k = counters + host * DEVICES.length + d;
                    labels[k] = Labels.of(Labels.METRIC_NAME, GAUGE, "device", DEVICES[d], "instance", instance(host),
                            "service", service(s), "team", team(s / servicesPerTeam));
                    boolean fast = random.nextInt(50) == 0;
                    values[k] = fast ? 0.5 + random.nextDouble() * 0.45 : 0.1 + random.nextDouble() * 0.85;
                    perSecond[k] = -(fast ? 2e-5 + random.nextDouble() * 4e-5 : random.nextDouble() * 2e-6);
                }
            }
        }
    }

    static String team(int team) {
        return String.format(Locale.ROOT, "team-%03d", team);
    }

    static String service(int service) {
        return String.format(Locale.ROOT, "svc-%04d", service);
    }

    private static String instance(int host) {
        return String.format(Locale.ROOT, "10.%d.%d.%d:9100", host >> 16, (host >> 8) & 0xff, host & 0xff);
    }

    int series() {
        return labels.length;
    }

    int teams() {
        return teams;
    }

    /** The names of the services {@code team} owns. */
    String[] services(int team) {
        String[] names = new String[servicesPerTeam];
        for (int i = 0; i < servicesPerTeam; i++) {
            names[i] = service(team * servicesPerTeam + i);
        }
        return names;
    }

    /** How many disks ({@code disk_free_ratio} series) each team has. */
    int disksPerTeam() {
        return servicesPerTeam * INSTANCES_PER_SERVICE * DEVICES.length;
    }

    /** The index of the {@code n}th disk of {@code team}, for {@link #scrape}'s flips. */
    int disk(int team, int n) {
        if (n < 0 || n >= disksPerTeam()) {
            throw new IllegalArgumentException("team " + team + " has no disk " + n);
        }
        return counters + team * disksPerTeam() + n;
    }

    /** The labels of series {@code index}. */
    Labels labels(int index) {
        return labels[index];
    }

    /** The time of the last scrape, or {@link Long#MIN_VALUE} before the first. */
    long lastScrape() {
        return lastScrape;
    }

    /**
     * Moves every series on to {@code timestamp} and appends one sample of each, in batches of {@value #BATCH}
     * series per commit. The disks listed in {@code flips} report {@link #FLIPPED_VALUE} in this scrape only.
     *
     * @return how many samples were appended
     * @throws IllegalArgumentException if {@code timestamp} is not after the last scrape
     * @throws IllegalStateException if the store refuses a sample
     */
    int scrape(MetricStore store, long timestamp, int... flips) {
        if (lastScrape != Long.MIN_VALUE && timestamp <= lastScrape) {
            throw new IllegalArgumentException("scrape at " + timestamp + " is not after the last one at " + lastScrape);
        }
        double seconds = lastScrape == Long.MIN_VALUE ? 15 : (timestamp - lastScrape) / 1000.0;
        lastScrape = timestamp;
        for (int k = 0; k < counters; k++) {
            values[k] += Math.rint(perSecond[k] * seconds * (0.9 + 0.2 * random.nextDouble()));
        }
        for (int k = counters; k < values.length; k++) {
            double next = values[k] + perSecond[k] * seconds + (random.nextDouble() - 0.5) * 1e-3;
            values[k] = Math.max(0.06, Math.min(1, next));
        }
        for (int k : flips) {
            flipped[k] = true;
        }
        try {
            for (int from = 0; from < labels.length; from += BATCH) {
                try (MetricAppender appender = store.appender()) {
                    for (int k = from; k < Math.min(from + BATCH, labels.length); k++) {
                        refs[k] = appender.append(refs[k], labels[k], timestamp, flipped[k] ? FLIPPED_VALUE : values[k]);
                    }
                    appender.commit();
                }
            }
        } catch (SampleRejectedException e) {
            throw new IllegalStateException("the store refused a sample at " + timestamp + ": " + e.getMessage(), e);
        } finally {
            for (int k : flips) {
                flipped[k] = false;
            }
        }
        return labels.length;
    }
}
