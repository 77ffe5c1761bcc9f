package dev.vigil.metrics.store.chunk;

import java.util.Arrays;

/**
 * Appends samples to one chunk in the Gorilla layout: the first timestamp and value in full, then each
 * timestamp as the difference of its delta from the previous delta and each value as the XOR with the
 * previous one, written with as few bits as they need. Timestamps must strictly increase. Not thread-safe.
 */
public final class XorEncoder {

    private byte[] buf = new byte[32];
    private long bitLength;
    private int count;
    private long firstTime;
    private long lastTime;
    private long lastDelta;
    private long lastBits;
    private int leading = -1;
    private int trailing;

    /** An empty chunk. */
    public XorEncoder() {}

    /**
     * Appends a sample.
     *
     * @param timestamp milliseconds since the epoch; greater than the previous one
     * @param valueBits the raw bits of the value ({@link Double#doubleToRawLongBits})
     * @throws IllegalArgumentException if {@code timestamp} is not greater than the previous one
     */
    public void append(long timestamp, long valueBits) {
        if (count == 0) {
            writeBits(timestamp, 64);
            writeBits(valueBits, 64);
            firstTime = timestamp;
        } else {
            if (timestamp <= lastTime) {
                throw new IllegalArgumentException("timestamps must increase: " + timestamp + " after " + lastTime);
            }
            long delta = Math.subtractExact(timestamp, lastTime);
            writeDeltaOfDelta(delta - lastDelta);
            writeValue(valueBits ^ lastBits);
            lastDelta = delta;
        }
        lastTime = timestamp;
        lastBits = valueBits;
        count++;
    }

    private void writeDeltaOfDelta(long dod) {
        if (dod == 0) {
            writeBits(0, 1);
        } else if (fits(dod, 14)) {
            writeBits(0b10, 2);
            writeBits(dod, 14);
        } else if (fits(dod, 17)) {
            writeBits(0b110, 3);
            writeBits(dod, 17);
        } else if (fits(dod, 20)) {
            writeBits(0b1110, 4);
            writeBits(dod, 20);
        } else {
            writeBits(0b1111, 4);
            writeBits(dod, 64);
        }
    }

    private static boolean fits(long value, int bits) {
        long half = 1L << (bits - 1);
        return value >= -half && value < half;
    }

    private void writeValue(long xor) {
        if (xor == 0) {
            writeBits(0, 1);
            return;
        }
        int lz = Math.min(31, Long.numberOfLeadingZeros(xor));
        int tz = Long.numberOfTrailingZeros(xor);
        if (leading >= 0 && lz >= leading && tz >= trailing) {
            writeBits(0b10, 2);
            writeBits(xor >>> trailing, 64 - leading - trailing);
        } else {
            leading = lz;
            trailing = tz;
            int significant = 64 - lz - tz;
            writeBits(0b11, 2);
            writeBits(lz, 5);
            // 64 significant bits do not fit in 6 bits; 0 cannot occur otherwise, so it stands for 64
            writeBits(significant == 64 ? 0 : significant, 6);
            writeBits(xor >>> tz, significant);
        }
    }

    private void writeBits(long value, int bits) {
        int needed = (int) ((bitLength + bits + 7) >>> 3);
        if (needed > buf.length) {
            // a chunk lives as long as its series is in the head: half again, not double, leaves less unused
            buf = Arrays.copyOf(buf, Math.max(needed, buf.length + (buf.length >> 1)));
        }
        int remaining = bits;
        while (remaining > 0) {
            int index = (int) (bitLength >>> 3);
            int free = 8 - (int) (bitLength & 7);
            int take = Math.min(free, remaining);
            int part = (int) ((value >>> (remaining - take)) & ((1 << take) - 1));
            buf[index] |= (byte) (part << (free - take));
            bitLength += take;
            remaining -= take;
        }
    }

    /** How many samples the chunk holds. */
    public int count() {
        return count;
    }

    /** The first timestamp; meaningless while empty. */
    public long minTime() {
        return firstTime;
    }

    /** The last timestamp; meaningless while empty. */
    public long maxTime() {
        return lastTime;
    }

    /** How many bytes the encoded samples take. */
    public int byteLength() {
        return (int) ((bitLength + 7) >>> 3);
    }

    /** A copy of the encoded samples, for {@link XorDecoder}. */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, byteLength());
    }
}
