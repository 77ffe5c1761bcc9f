package dev.vigil.logging.logback;

/**
 * What the outputs lost, since they started: numbers to expose as meters.
 *
 * @param storeDropped events the log store output dropped because its queue was full (or it was stopping)
 * @param storeFailed records the log store refused
 * @param syslogDropped messages the current syslog output dropped because its queue was full
 * @param syslogFailed messages the current syslog output could not send
 * @param maskFailures texts the masker threw on, written as {@value EventRedactor#MASK_FAILED} instead
 */
public record OutputStats(long storeDropped, long storeFailed, long syslogDropped, long syslogFailed, long maskFailures) {}
