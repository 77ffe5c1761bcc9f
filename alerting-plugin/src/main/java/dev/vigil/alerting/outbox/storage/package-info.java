/**
 * Append-only files of checksummed records, shared by the outbox and the notification history: a short header
 * naming the file's kind and format, then frames of length, CRC-32C and body. A reader stops at the first frame
 * that is short or fails its checksum, which is how a write cut off by a crash (a torn tail) shows itself.
 */
@NullMarked
package dev.vigil.alerting.outbox.storage;

import org.jspecify.annotations.NullMarked;
