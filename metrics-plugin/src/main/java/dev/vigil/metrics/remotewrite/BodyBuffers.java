package dev.vigil.metrics.remotewrite;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * A few buffers for decompressed request bodies, handed from request to request so that a steady stream of
 * writes does not allocate a new one each time. Holds at most {@code slots} buffers of at most
 * {@code maxBytes} each; larger bodies get a buffer of their own. Thread-safe.
 */
final class BodyBuffers {

    private final AtomicReferenceArray<byte @Nullable []> free;
    private final int maxBytes;

    BodyBuffers(int slots, int maxBytes) {
        this.free = new AtomicReferenceArray<>(slots);
        this.maxBytes = maxBytes;
    }

    /** A buffer of at least {@code length} bytes, with unspecified contents. */
    byte[] take(int length) {
        if (length <= maxBytes) {
            for (int i = 0; i < free.length(); i++) {
                byte[] buffer = free.get(i);
                if (buffer != null && buffer.length >= length && free.compareAndSet(i, buffer, null)) {
                    return buffer;
                }
            }
        }
        return new byte[length];
    }

    /** Returns a buffer that its taker no longer uses. */
    void give(byte[] buffer) {
        if (buffer.length > maxBytes) {
            return;
        }
        for (int i = 0; i < free.length(); i++) {
            if (free.get(i) == null && free.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }
}
