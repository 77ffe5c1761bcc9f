package dev.vigil.benchmarks.logs;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search benchmark's options, {@code --name value} or {@code --name=value}; the defaults give the 1 GB run.
 *
 * @param megabytes how many MiB of JSON lines to generate (the store holds the same records)
 * @param rounds measured rounds: each runs every search once in the store and once with grep; the best is reported
 * @param warmup rounds run first and not measured
 * @param seed the seed the records are drawn from
 * @param dir where the data is kept and reused by later runs with the same size and seed; empty for a temporary
 *     folder deleted at the end
 */
record SearchOptions(long megabytes, int rounds, int warmup, long seed, Optional<Path> dir) {

    static final String USAGE = """
            usage: LogSearchDriver [--size-mb 1024] [--rounds 5] [--warmup 1] [--seed 20260101] [--dir <folder>]
              --size-mb   MiB of JSON log lines to generate; the store gets the same records
              --rounds    measured rounds (every search once in the store and once with grep); the best is reported
              --warmup    rounds run first and not measured
              --seed      seed of the generated records
              --dir       keep the data in this folder and reuse it when size and seed match (default: a temporary
                          folder, deleted at the end)""";

    /** Checks the options together. */
    SearchOptions {
        List<String> problems = new ArrayList<>();
        if (megabytes < 1) {
            problems.add("--size-mb must be at least 1, got " + megabytes);
        }
        if (rounds < 1) {
            problems.add("--rounds must be at least 1, got " + rounds);
        }
        if (warmup < 0) {
            problems.add("--warmup must not be negative, got " + warmup);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems) + "\n" + USAGE);
        }
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException naming what is wrong, followed by the usage
     */
    static SearchOptions parse(String... args) {
        long megabytes = 1024;
        int rounds = 5;
        int warmup = 1;
        long seed = 20260101;
        Path dir = null;
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
            switch (name) {
                case "--size-mb" -> megabytes = number(name, value);
                case "--rounds" -> rounds = small(number(name, value));
                case "--warmup" -> warmup = small(number(name, value));
                case "--seed" -> seed = number(name, value);
                case "--dir" -> dir = path(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new SearchOptions(megabytes, rounds, warmup, seed, Optional.ofNullable(dir));
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got \"" + value + "\"\n" + USAGE, e);
        }
    }

    /** {@code n} as an int, where anything out of range is still out of the options' range. */
    private static int small(long n) {
        return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, n));
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--dir is not a valid path: " + e.getMessage() + "\n" + USAGE, e);
        }
    }
}
