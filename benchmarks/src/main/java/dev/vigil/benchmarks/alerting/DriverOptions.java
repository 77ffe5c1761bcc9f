package dev.vigil.benchmarks.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's options, {@code --name value} or {@code --name=value}; the defaults are the sizes.
 *
 * @param series how many series the store holds (a multiple of {@value Fleet#SERIES_PER_SERVICE})
 * @param rules how many rules are loaded (a multiple of {@value RuleSet#RULES_PER_GROUP}: one group per team)
 * @param rounds measured throughput rounds, each evaluating every group once
 * @param warmup throughput rounds run first and not measured
 * @param events how many alerts the latency part causes and follows at least
 * @param alertsPerRound how many of them one latency round causes (at most one per team)
 * @param interval the time from the start of one latency round to the start of the next
 * @param seed the seed of the made-up data
 */
record DriverOptions(int series, int rules, int rounds, int warmup, int events, int alertsPerRound, Duration interval,
        long seed) {

    static final String USAGE = """
            usage: RuleEvaluationDriver [--series 100000] [--rules 1000] [--rounds 10] [--warmup 3] [--events 500]
                                        [--alerts-per-round 50] [--interval 15] [--seed 5]
              --series            series in the store, a multiple of 200
              --rules             rules, a multiple of 10 (one group of 10 per team); series / 200 must split
                                  evenly among rules / 10 teams
              --rounds, --warmup  measured and warm-up throughput rounds (every group evaluated once per round)
              --events            alerts caused and followed to the webhook, at least
              --alerts-per-round  alerts caused per latency round, at most rules / 10
              --interval          seconds from one latency round to the next
              --seed              seed of the made-up data""";

    /** Checks the options together. */
    DriverOptions {
        List<String> problems = new ArrayList<>();
        if (series <= 0 || series % Fleet.SERIES_PER_SERVICE != 0) {
            problems.add("--series must be a positive multiple of " + Fleet.SERIES_PER_SERVICE + ", got " + series);
        }
        if (rules <= 0 || rules % RuleSet.RULES_PER_GROUP != 0) {
            problems.add("--rules must be a positive multiple of " + RuleSet.RULES_PER_GROUP + ", got " + rules);
        } else if (series > 0 && series % Fleet.SERIES_PER_SERVICE == 0
                && (series / Fleet.SERIES_PER_SERVICE) % (rules / RuleSet.RULES_PER_GROUP) != 0) {
            problems.add("the " + series / Fleet.SERIES_PER_SERVICE + " services of --series " + series
                    + " do not split evenly among the " + rules / RuleSet.RULES_PER_GROUP + " teams of --rules " + rules);
        }
        if (rounds < 1 || warmup < 0) {
            problems.add("--rounds must be at least 1 and --warmup at least 0");
        }
        if (events < 1 || alertsPerRound < 1 || alertsPerRound > rules / RuleSet.RULES_PER_GROUP) {
            problems.add("--events must be at least 1 and --alerts-per-round from 1 to rules / 10");
        }
        if (interval.isNegative() || interval.isZero()) {
            problems.add("--interval must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems) + "\n" + USAGE);
        }
    }

    /** The teams, one rule group each. */
    int teams() {
        return rules / RuleSet.RULES_PER_GROUP;
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException naming what is wrong, followed by the usage
     */
    static DriverOptions parse(String... args) {
        int series = 100_000;
        int rules = 1_000;
        int rounds = 10;
        int warmup = 3;
        int events = 500;
        int alertsPerRound = 50;
        long intervalSeconds = 15;
        long seed = 5;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a whole number, got \"" + value + "\"\n" + USAGE, e);
            }
            switch (name) {
                case "--series" -> series = toInt(name, number);
                case "--rules" -> rules = toInt(name, number);
                case "--rounds" -> rounds = toInt(name, number);
                case "--warmup" -> warmup = toInt(name, number);
                case "--events" -> events = toInt(name, number);
                case "--alerts-per-round" -> alertsPerRound = toInt(name, number);
                case "--interval" -> intervalSeconds = number;
                case "--seed" -> seed = number;
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new DriverOptions(series, rules, rounds, warmup, events, alertsPerRound,
                Duration.ofSeconds(Math.max(0, intervalSeconds)), seed);
    }

    private static int toInt(String name, long number) {
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is out of range: " + number + "\n" + USAGE);
        }
        return (int) number;
    }
}
