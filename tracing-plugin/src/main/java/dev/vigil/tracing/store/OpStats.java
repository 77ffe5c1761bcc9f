package dev.vigil.tracing.store;

import dev.vigil.storage.ByteSink;
import dev.vigil.storage.Bytes;

/**
 * What a block holds of one operation: how many spans, how many failed, and the range of their starts and durations.
 * Searches skip a block none of whose operations could meet their conditions; services and operations are listed from
 * these without reading spans. Immutable.
 */
final class OpStats {

    /** The bytes of an entry in a block frame. */
    static final int BYTES = 4 + 4 + 4 + 8 * 4;

    final int operation;
    final int count;
    final int errors;
    final long minStart;
    final long maxStart;
    final long minDuration;
    final long maxDuration;

    OpStats(int operation, int count, int errors, long minStart, long maxStart, long minDuration, long maxDuration) {
        this.operation = operation;
        this.count = count;
        this.errors = errors;
        this.minStart = minStart;
        this.maxStart = maxStart;
        this.minDuration = minDuration;
        this.maxDuration = maxDuration;
    }

    void writeTo(ByteSink out) {
        out.putIntBE(operation);
        out.putIntBE(count);
        out.putIntBE(errors);
        out.putLongBE(minStart);
        out.putLongBE(maxStart);
        out.putLongBE(minDuration);
        out.putLongBE(maxDuration);
    }

    static OpStats readFrom(byte[] b, int p) {
        return new OpStats((int) Bytes.BE_INT.get(b, p), (int) Bytes.BE_INT.get(b, p + 4), (int) Bytes.BE_INT.get(b, p + 8),
                (long) Bytes.BE_LONG.get(b, p + 12), (long) Bytes.BE_LONG.get(b, p + 20), (long) Bytes.BE_LONG.get(b, p + 28),
                (long) Bytes.BE_LONG.get(b, p + 36));
    }

    /** Counts spans while a block is open. Not thread-safe. */
    static final class Builder {
        final int operation;
        int count;
        int errors;
        long minStart = Long.MAX_VALUE;
        long maxStart = Long.MIN_VALUE;
        long minDuration = Long.MAX_VALUE;
        long maxDuration = Long.MIN_VALUE;

        Builder(int operation) {
            this.operation = operation;
        }

        void add(long start, long duration, boolean error) {
            count++;
            if (error) {
                errors++;
            }
            minStart = Math.min(minStart, start);
            maxStart = Math.max(maxStart, start);
            minDuration = Math.min(minDuration, duration);
            maxDuration = Math.max(maxDuration, duration);
        }

        OpStats build() {
            return new OpStats(operation, count, errors, minStart, maxStart, minDuration, maxDuration);
        }
    }
}
