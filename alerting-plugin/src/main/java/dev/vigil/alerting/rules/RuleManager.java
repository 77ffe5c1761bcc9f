package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.rules.ReloadResult.Change;
import dev.vigil.alerting.rules.ReloadResult.FileChange;
import dev.vigil.alerting.rules.file.GroupDefinition;
import dev.vigil.alerting.rules.file.Location;
import dev.vigil.alerting.rules.file.RuleFileLoad;
import dev.vigil.alerting.rules.file.RuleFileProblem;
import dev.vigil.alerting.rules.file.RuleFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads rule files, runs their groups at their intervals, and reloads a file when its content changes. A file
 * whose new content has problems is refused as a whole: its problems are logged with file, line and reason, and
 * the groups of its previous version keep running. A reloaded group takes over the state of the group of the same
 * name in the same file (alerts, series to mark stale), so alerts survive edits; groups that disappear get
 * staleness markers for their series. Groups loaded when the manager starts restore {@code for} state from
 * {@code ALERTS_FOR_STATE}.
 *
 * <p>Thread-safe. The manager owns its groups' schedules; {@link #close()} stops them.
 */
public final class RuleManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleManager.class);

    private final RuleEnvironment env;
    private final RuleFiles ruleFiles;
    private final EvaluationScheduler scheduler;
    private final Supplier<List<Path>> paths;
    private final Duration fileCheckInterval;
    private final Map<Path, FileState> files = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;
    private EvaluationScheduler.@Nullable Scheduled nextCheck;

    /**
     * A manager of the rule files {@code paths} gives (asked again at every check, so that patterns can match new
     * files), checked for changes every {@code fileCheckInterval}.
     */
    public RuleManager(RuleEnvironment env, RuleFiles ruleFiles, EvaluationScheduler scheduler, Supplier<List<Path>> paths,
            Duration fileCheckInterval) {
        this.env = requireNonNull(env, "env is null");
        this.ruleFiles = requireNonNull(ruleFiles, "ruleFiles is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.paths = requireNonNull(paths, "paths is null");
        this.fileCheckInterval = requireNonNull(fileCheckInterval, "fileCheckInterval is null");
        if (fileCheckInterval.isNegative() || fileCheckInterval.isZero()) {
            throw new IllegalArgumentException("fileCheckInterval must be positive: " + fileCheckInterval);
        }
    }

    /**
     * Loads the rule files, starts their groups and the periodic file check.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized ReloadResult start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "the rule manager is closed" : "the rule manager already started");
        }
        ReloadResult result = check();
        started = true;
        scheduleCheck();
        return result;
    }

    /** Checks every rule file now and applies what changed; what {@link #start()} scheduled does the same. */
    public synchronized ReloadResult reload() {
        if (closed) {
            throw new IllegalStateException("the rule manager is closed");
        }
        return check();
    }

    private ReloadResult check() {
        List<Path> wanted;
        try {
            wanted = paths.get().stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        } catch (RuntimeException e) {
            LOG.error("Listing the rule files failed; the rules keep running as they are", e);
            return new ReloadResult(List.of());
        }
        List<FileChange> changes = new ArrayList<>();
        for (Path path : wanted) {
            changes.add(checkFile(path));
        }
        Set<Path> gone = new LinkedHashSet<>(files.keySet());
        wanted.forEach(gone::remove);
        for (Path path : gone) {
            FileState state = files.remove(path);
            stopGroups(state.runners, true);
            LOG.info("Rule file {} is no longer configured; its {} groups stopped", path, state.runners.size());
            changes.add(new FileChange(path, Change.REMOVED, List.of()));
        }
        return new ReloadResult(changes);
    }

    private FileChange checkFile(Path path) {
        FileState state = files.computeIfAbsent(path, p -> new FileState());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return refuse(path, state, "missing", List.of(new RuleFileProblem(path, Location.START, "no such file")));
        } catch (IOException e) {
            return refuse(path, state, "unreadable:" + e,
                    List.of(new RuleFileProblem(path, Location.START, "cannot read the file: " + e)));
        }
        String hash = sha256(bytes);
        if (hash.equals(state.runningHash)) {
            state.problems = List.of();
            state.attemptedHash = hash;
            return new FileChange(path, Change.UNCHANGED, List.of());
        }
        if (hash.equals(state.attemptedHash)) {
            return new FileChange(path, state.problems.isEmpty() ? Change.UNCHANGED : Change.REFUSED, state.problems);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return refuse(path, state, hash, List.of(new RuleFileProblem(path, Location.START, "the file is not valid UTF-8")));
        }
        RuleFileLoad load = ruleFiles.parse(path, text);
        if (!load.ok()) {
            return refuse(path, state, hash, load.problems());
        }
        load.warnings().forEach(w -> LOG.warn("Rule file {}: {}", path, w));
        replaceGroups(path, state, load.ruleFile().orElseThrow().groups());
        state.runningHash = hash;
        state.attemptedHash = hash;
        state.problems = List.of();
        state.warnings = load.warnings();
        state.loadedAt = env.clock().instant();
        LOG.info("Loaded rule file {}: {} groups", path, state.runners.size());
        return new FileChange(path, Change.LOADED, List.of());
    }

    private FileChange refuse(Path path, FileState state, String attempt, List<RuleFileProblem> problems) {
        if (!attempt.equals(state.attemptedHash)) {
            String keeps = state.runningHash == null ? "no rules of it run"
                    : "its previous version keeps running (" + state.runners.size() + " groups)";
            LOG.error("Refusing rule file {} ({} {}); {}", path, problems.size(), problems.size() == 1 ? "problem" : "problems", keeps);
            problems.forEach(p -> LOG.error("  {}", p));
        }
        state.attemptedHash = attempt;
        state.problems = problems;
        return new FileChange(path, Change.REFUSED, problems);
    }

    private void replaceGroups(Path path, FileState state, List<GroupDefinition> definitions) {
        Map<String, GroupRunner> old = new LinkedHashMap<>();
        state.runners.forEach(r -> old.put(r.group().name(), r));
        List<GroupRunner> fresh = new ArrayList<>();
        for (GroupDefinition definition : definitions) {
            RuleGroup group = new RuleGroup(path, definition, env, !started);
            GroupRunner previous = old.remove(definition.name());
            if (previous != null) {
                previous.stop();
                group.copyStateFrom(previous.group());
            }
            GroupRunner runner = new GroupRunner(group, env, scheduler, !started);
            fresh.add(runner);
            runner.start();
        }
        stopGroups(old.values(), true);
        state.runners = fresh;
    }

    private void stopGroups(Iterable<GroupRunner> runners, boolean markStale) {
        Instant now = env.clock().instant();
        for (GroupRunner runner : runners) {
            runner.stop();
            if (markStale) {
                try {
                    runner.group().markStale(now);
                } catch (RuntimeException e) {
                    LOG.warn("Marking the series of removed group {} stale failed", runner.group().name(), e);
                }
            }
        }
    }

    private void scheduleCheck() {
        nextCheck = scheduler.schedule(this::periodicCheck, env.clock().instant().plus(fileCheckInterval));
    }

    private void periodicCheck() {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                check();
            } catch (RuntimeException e) {
                LOG.error("Checking the rule files failed", e);
            } finally {
                scheduleCheck();
            }
        }
    }

    /** The state of every group, file by file, in file order. */
    public List<GroupStatus> groups() {
        List<GroupRunner> runners;
        synchronized (this) {
            runners = files.values().stream().flatMap(f -> f.runners.stream()).toList();
        }
        return runners.stream().map(r -> r.group().status()).toList();
    }

    /** The groups that run, file by file. */
    public synchronized List<RuleGroup> ruleGroups() {
        return files.values().stream().flatMap(f -> f.runners.stream()).map(GroupRunner::group).toList();
    }

    /** The state of every rule file. */
    public synchronized List<RuleFileStatus> files() {
        List<RuleFileStatus> out = new ArrayList<>();
        files.forEach((path, state) -> out.add(new RuleFileStatus(path, Optional.ofNullable(state.loadedAt),
                state.runners.size(), state.problems, state.warnings)));
        return out;
    }

    /** Every pending or firing alert of every alerting rule. */
    public List<ActiveAlert> activeAlerts() {
        return ruleGroups().stream().flatMap(g -> g.rules().stream())
                .filter(AlertingRule.class::isInstance).map(AlertingRule.class::cast)
                .flatMap(r -> r.activeAlerts().stream()).toList();
    }

    /** Stops every group and the file check; the groups' series are not marked stale, as in Prometheus. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (nextCheck != null) {
            nextCheck.cancel();
        }
        files.values().forEach(state -> stopGroups(state.runners, false));
        files.clear();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** What the manager knows of one file; guarded by the manager. */
    private static final class FileState {
        @Nullable String runningHash;
        @Nullable String attemptedHash;
        @Nullable Instant loadedAt;
        List<GroupRunner> runners = new ArrayList<>();
        List<RuleFileProblem> problems = List.of();
        List<String> warnings = List.of();
    }
}
