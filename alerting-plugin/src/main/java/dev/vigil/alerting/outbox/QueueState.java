package dev.vigil.alerting.outbox;

/** What the deliveries to one channel integration are doing. */
public enum QueueState {
    /** Nothing to deliver. */
    IDLE,
    /** An attempt is under way. */
    SENDING,
    /** The last attempt failed in a way that may pass; the next one waits for its backoff. */
    BACKING_OFF,
    /** No plugin provides the integration's channel type at the moment; delivery resumes when one does. */
    WAITING_FOR_CHANNEL_TYPE,
    /**
     * The receiver or the integration is not in the configuration; delivery resumes if it comes back within the
     * grace period, else the deliveries are marked failed.
     */
    WAITING_FOR_RECEIVER
}
