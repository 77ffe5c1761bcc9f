package dev.vigil.alerting.notify.escalation;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.config.Durations;
import dev.vigil.alerting.notify.config.EscalationPolicyConfig;
import dev.vigil.alerting.notify.config.EscalationTierConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A named escalation policy: when a group has been notified and stays firing with no acknowledgement, each tier's
 * receiver is notified once the tier's delay has passed, tier by tier. Immutable and thread-safe.
 *
 * @param name the policy's name
 * @param tiers the tiers, by strictly increasing delay
 */
public record EscalationPolicy(String name, List<EscalationTier> tiers) {

    /** Checks and copies. */
    public EscalationPolicy {
        requireNonNull(name, "name is null");
        tiers = List.copyOf(tiers);
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).after().compareTo(tiers.get(i - 1).after()) <= 0) {
                throw new IllegalArgumentException("tier " + i + " does not come after tier " + (i - 1));
            }
        }
    }

    /**
     * Compiles {@code config}, reporting each problem under {@code path}.
     *
     * @param receivers the names of the receivers tiers may notify
     * @return the policy, or null when a problem was reported
     */
    public static @Nullable EscalationPolicy compile(EscalationPolicyConfig config, String path, Set<String> receivers,
            ConfigProblems problems) {
        boolean ok = true;
        if (config.name() == null || config.name().isEmpty()) {
            problems.add(path + ".name", "missing name");
            ok = false;
        }
        if (config.tiers().isEmpty()) {
            problems.add(path + ".tiers", "a policy needs at least one tier");
            ok = false;
        }
        List<EscalationTier> tiers = new ArrayList<>();
        Duration previous = null;
        for (int i = 0; i < config.tiers().size(); i++) {
            EscalationTierConfig tier = config.tiers().get(i);
            String tierPath = path + ".tiers[" + i + "]";
            Duration after = null;
            if (tier.after() == null) {
                problems.add(tierPath + ".after", "missing delay");
            } else {
                try {
                    after = Durations.parse(tier.after());
                } catch (IllegalArgumentException e) {
                    problems.add(tierPath + ".after", e.getMessage());
                }
            }
            if (after != null && previous != null && after.compareTo(previous) <= 0) {
                problems.add(tierPath + ".after", "must be longer than the previous tier's " + Durations.format(previous));
                after = null;
            } else if (after != null) {
                previous = after;
            }
            if (tier.receiver() == null || tier.receiver().isEmpty()) {
                problems.add(tierPath + ".receiver", "missing receiver");
            } else if (!receivers.contains(tier.receiver())) {
                problems.add(tierPath + ".receiver", "undefined receiver \"" + tier.receiver() + "\"");
            } else if (after != null) {
                tiers.add(new EscalationTier(after, tier.receiver()));
                continue;
            }
            ok = false;
        }
        return ok ? new EscalationPolicy(config.name(), tiers) : null;
    }
}
