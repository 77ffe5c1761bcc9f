package dev.vigil.logging.errors;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Error tracking, the {@code errors} section of the logging plugin's configuration. Every key is optional; see
 * {@link #defaults()}.
 *
 * <pre>{@code
 * errors:
 *   inAppPackages: [com.example]
 *   excludePackages: [com.example.generated]
 *   maxIssues: 2000
 * }</pre>
 *
 * @param enabled whether error records are grouped into issues at all
 * @param inAppPackages packages (or classes) whose frames alone are the application's own; empty for every package but
 *     the Java platform's and common libraries' (see the {@linkplain dev.vigil.logging.errors package documentation})
 * @param excludePackages packages (or classes) whose frames are never the application's own
 * @param maxIssues how many issues are kept; past it the one seen longest ago is forgotten
 * @param maxUsersPerIssue up to how many distinct users an issue counts exactly
 * @param saveInterval the least time between two writes of the issues to disk (they are also written on close)
 */
public record ErrorTrackingSettings(boolean enabled, List<String> inAppPackages, List<String> excludePackages, int maxIssues,
        int maxUsersPerIssue, Duration saveInterval) {

    private static final ErrorTrackingSettings DEFAULTS =
            new ErrorTrackingSettings(true, List.of(), List.of(), 1000, 1000, Duration.ofSeconds(5));

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks one, naming the key and the value
     */
    public ErrorTrackingSettings {
        inAppPackages = List.copyOf(inAppPackages);
        excludePackages = List.copyOf(excludePackages);
        requireNonNull(saveInterval, "saveInterval is null");
        checkPackages("inAppPackages", inAppPackages);
        checkPackages("excludePackages", excludePackages);
        if (maxIssues < 1) {
            throw new IllegalArgumentException("maxIssues must be positive, got " + maxIssues);
        }
        if (maxUsersPerIssue < 1) {
            throw new IllegalArgumentException("maxUsersPerIssue must be positive, got " + maxUsersPerIssue);
        }
        if (saveInterval.isNegative()) {
            throw new IllegalArgumentException("saveInterval must not be negative, got " + saveInterval);
        }
    }

    private static void checkPackages(String key, List<String> packages) {
        for (int i = 0; i < packages.size(); i++) {
            String p = packages.get(i);
            if (p.isBlank() || p.chars().anyMatch(Character::isWhitespace) || p.startsWith(".")) {
                throw new IllegalArgumentException(key + "[" + i + "] is not a package name: '" + p + "'");
            }
        }
    }

    /** Enabled, the default in-app rules, 1000 issues of up to 1000 counted users each, written at most every 5s. */
    public static ErrorTrackingSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static ErrorTrackingSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("inAppPackages") @Nullable List<String> inAppPackages,
            @JsonProperty("excludePackages") @Nullable List<String> excludePackages,
            @JsonProperty("maxIssues") @Nullable Integer maxIssues,
            @JsonProperty("maxUsersPerIssue") @Nullable Integer maxUsersPerIssue,
            @JsonProperty("saveInterval") @Nullable Duration saveInterval) {
        return new ErrorTrackingSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(inAppPackages, DEFAULTS.inAppPackages),
                requireNonNullElse(excludePackages, DEFAULTS.excludePackages),
                requireNonNullElse(maxIssues, DEFAULTS.maxIssues),
                requireNonNullElse(maxUsersPerIssue, DEFAULTS.maxUsersPerIssue),
                requireNonNullElse(saveInterval, DEFAULTS.saveInterval));
    }
}
