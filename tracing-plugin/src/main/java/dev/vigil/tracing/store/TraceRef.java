package dev.vigil.tracing.store;

/**
 * A trace id as its two 64-bit halves, and the key blocks index it by.
 *
 * @param hi the first 16 hex digits
 * @param lo the last 16
 */
record TraceRef(long hi, long lo) {

    static TraceRef of(String traceId) {
        return new TraceRef(TraceIds.half(traceId, 0), TraceIds.half(traceId, 16));
    }

    static TraceRef of(FrameSpans spans, int i) {
        return new TraceRef(spans.traceHi(i), spans.traceLo(i));
    }

    long key() {
        return Hashes.traceKey(hi, lo);
    }

    boolean is(FrameSpans spans, int i) {
        return spans.traceHi(i) == hi && spans.traceLo(i) == lo;
    }

    String hex() {
        return String.format("%016x%016x", hi, lo);
    }
}
