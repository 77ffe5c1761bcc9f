package dev.vigil.alerting.notify.dispatch;

import java.util.HashMap;
import java.util.Map;

/** The escalation state of each group, by group key. Not thread-safe: the pipeline guards it. */
public final class EscalationStates {

    private final Map<String, EscalationState> states = new HashMap<>();
    private long version;

    /** The state of group {@code groupKey}. */
    public EscalationState get(String groupKey) {
        return states.getOrDefault(groupKey, EscalationState.NONE);
    }

    /** Sets the state of group {@code groupKey}; {@link EscalationState#NONE} forgets it. */
    public void put(String groupKey, EscalationState state) {
        EscalationState old = state.equals(EscalationState.NONE) ? states.remove(groupKey) : states.put(groupKey, state);
        if (!state.equals(old == null ? EscalationState.NONE : old)) {
            version++;
        }
    }

    /** A copy of every state under way. */
    public Map<String, EscalationState> entries() {
        return Map.copyOf(states);
    }

    /** A number that changes whenever the states do, so that the pipeline knows when to save them. */
    public long version() {
        return version;
    }
}
