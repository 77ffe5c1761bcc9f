package dev.vigil.metrics.store.chunk;

/**
 * Reads back what {@link XorEncoder} wrote, one sample at a time and without allocating. Reusable: call
 * {@link #reset} for each chunk. Not thread-safe.
 */
public final class XorDecoder {

    private byte[] buf = new byte[0];
    private long bitPos;
    private int count;
    private int read;
    private long time;
    private long delta;
    private long bits;
    private int leading;
    private int trailing;

    /** A decoder with no chunk yet. */
    public XorDecoder() {}

    /**
     * Starts reading a chunk.
     *
     * @param bytes the encoded samples
     * @param count how many samples they hold
     */
    public void reset(byte[] bytes, int count) {
        this.buf = bytes;
        this.count = count;
        this.bitPos = 0;
        this.read = 0;
        this.delta = 0;
        this.leading = 0;
        this.trailing = 0;
    }

    /** Moves to the next sample; false when the chunk has no more. */
    public boolean next() {
        if (read >= count) {
            return false;
        }
        if (read == 0) {
            time = readBits(64);
            bits = readBits(64);
        } else {
            delta += readDeltaOfDelta();
            time += delta;
            if (readBits(1) == 1) {
                if (readBits(1) == 1) {
                    leading = (int) readBits(5);
                    int significant = (int) readBits(6);
                    trailing = 64 - leading - (significant == 0 ? 64 : significant);
                }
                bits ^= readBits(64 - leading - trailing) << trailing;
            }
        }
        read++;
        return true;
    }

    private long readDeltaOfDelta() {
        if (readBits(1) == 0) {
            return 0;
        }
        if (readBits(1) == 0) {
            return signed(readBits(14), 14);
        }
        if (readBits(1) == 0) {
            return signed(readBits(17), 17);
        }
        if (readBits(1) == 0) {
            return signed(readBits(20), 20);
        }
        return readBits(64);
    }

    private static long signed(long value, int bits) {
        return (value << (64 - bits)) >> (64 - bits);
    }

    private long readBits(int n) {
        long value = 0;
        int remaining = n;
        while (remaining > 0) {
            int index = (int) (bitPos >>> 3);
            int available = 8 - (int) (bitPos & 7);
            int take = Math.min(available, remaining);
            int part = ((buf[index] & 0xff) >>> (available - take)) & ((1 << take) - 1);
            value = (value << take) | part;
            bitPos += take;
            remaining -= take;
        }
        return value;
    }

    /** The timestamp of the current sample. */
    public long timestamp() {
        return time;
    }

    /** The raw bits of the value of the current sample. */
    public long valueBits() {
        return bits;
    }
}
