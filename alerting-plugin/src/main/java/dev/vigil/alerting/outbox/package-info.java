/**
 * The durable notification outbox. {@link dev.vigil.alerting.outbox.Outbox} takes what the pipeline decides to
 * send, writes one record per notification and channel integration to checksummed, append-only segment files
 * (forced to disk before {@code submit} returns), and delivers each in order per integration from a small pool
 * of workers, with exponential backoff, until the channel accepts or refuses it for good. The end of each
 * delivery is forced to disk before the worker moves on, so after a crash only a delivery whose channel
 * accepted it in the last moment before the crash is sent again, with the same notification id. A notification
 * submitted again with an id the outbox holds (pending, or ended within the dedup window) is ignored.
 *
 * <p>{@link dev.vigil.alerting.outbox.ChannelDirectory} says which integrations a receiver has and whether
 * each one's channel type is available; a notification whose type is missing waits and is never dropped. Every
 * attempt goes to the {@link dev.vigil.alerting.outbox.history.NotificationHistory}.
 */
@NullMarked
package dev.vigil.alerting.outbox;

import org.jspecify.annotations.NullMarked;
