package dev.vigil.benchmarks.traces;

import dev.vigil.api.traces.SpanRecord;
import dev.vigil.tracing.zipkin.ZipkinSpanWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The spans of the ingest benchmark, drawn once from a seed ({@link ShopTraces}) and encoded once per server: as
 * OTLP/HTTP protobuf bodies for Vigil and as Zipkin v2 JSON bodies (written by the tracing plugin's own
 * {@link ZipkinSpanWriter}) for Zipkin. Batch {@code i} of one format carries the same spans as batch {@code i} of the
 * other.
 *
 * <p>Batches are cut as each service instance's SDK would under load: an instance's spans queue as they end and go
 * out once {@code spansPerRequest} have queued (the rest at the end), so a batch holds spans of one resource, from
 * many traces, and a trace is spread over several batches. The batches are split into rounds of equal batch counts.
 * Only the encoded bodies are kept. Immutable once built.
 */
final class TraceCorpus {

    private final List<List<byte[]>> otlp;
    private final List<List<byte[]>> zipkin;
    private final long[] spansPerRound;
    private final int traces;
    private final long firstStartNanos;
    private final long lastEndNanos;
    private final int errorTraces;

    private TraceCorpus(List<List<byte[]>> otlp, List<List<byte[]>> zipkin, long[] spansPerRound, int traces, long firstStartNanos,
            long lastEndNanos, int errorTraces) {
        this.otlp = otlp;
        this.zipkin = zipkin;
        this.spansPerRound = spansPerRound;
        this.traces = traces;
        this.firstStartNanos = firstStartNanos;
        this.lastEndNanos = lastEndNanos;
        this.errorTraces = errorTraces;
    }

    /**
     * Draws {@code traces} traces starting evenly from {@code startNanos} to {@code endNanos} and cuts their spans into
     * batches of at most {@code spansPerRequest}, split into {@code rounds} rounds.
     */
    static TraceCorpus build(long seed, int traces, int spansPerRequest, int rounds, long startNanos, long endNanos) {
        if (traces < 1 || spansPerRequest < 1 || rounds < 1) {
            throw new IllegalArgumentException("traces, spans per request and rounds must be positive");
        }
        SplittableRandom random = new SplittableRandom(seed);
        ShopTraces shop = new ShopTraces(random, new Shop(random));
        Map<Map<String, String>, List<SpanRecord>> queues = new LinkedHashMap<>();
        List<byte[]> otlpBatches = new ArrayList<>();
        List<byte[]> zipkinBatches = new ArrayList<>();
        List<Integer> batchSpans = new ArrayList<>();
        long step = Math.max(1, (endNanos - startNanos) / traces);
        long lastEnd = startNanos;
        int errors = 0;
        for (int t = 0; t < traces; t++) {
            List<SpanRecord> trace = shop.next(startNanos + t * step);
            if (trace.stream().anyMatch(s -> s.status().isError())) {
                errors++;
            }
            for (SpanRecord span : trace) {
                lastEnd = Math.max(lastEnd, span.endNanos());
                List<SpanRecord> queue = queues.computeIfAbsent(span.resource(), r -> new ArrayList<>());
                queue.add(span);
                if (queue.size() == spansPerRequest) {
                    encode(queue, otlpBatches, zipkinBatches, batchSpans);
                    queue.clear();
                }
            }
        }
        for (List<SpanRecord> rest : queues.values()) {
            if (!rest.isEmpty()) {
                encode(rest, otlpBatches, zipkinBatches, batchSpans);
            }
        }
        int perRound = Math.max(1, (otlpBatches.size() + rounds - 1) / rounds);
        List<List<byte[]>> otlpRounds = new ArrayList<>();
        List<List<byte[]>> zipkinRounds = new ArrayList<>();
        List<Long> spansPerRound = new ArrayList<>();
        for (int from = 0; from < otlpBatches.size(); from += perRound) {
            int to = Math.min(otlpBatches.size(), from + perRound);
            otlpRounds.add(List.copyOf(otlpBatches.subList(from, to)));
            zipkinRounds.add(List.copyOf(zipkinBatches.subList(from, to)));
            spansPerRound.add(batchSpans.subList(from, to).stream().mapToLong(Integer::longValue).sum());
        }
        return new TraceCorpus(List.copyOf(otlpRounds), List.copyOf(zipkinRounds), spansPerRound.stream().mapToLong(Long::longValue).toArray(),
                traces, startNanos, lastEnd, errors);
    }

    private static void encode(List<SpanRecord> spans, List<byte[]> otlp, List<byte[]> zipkin, List<Integer> counts) {
        otlp.add(OtlpTraceBodies.encode(spans));
        zipkin.add(ZipkinSpanWriter.writeList(spans));
        counts.add(spans.size());
    }

    /** The OTLP protobuf bodies, round by round. */
    List<List<byte[]>> otlp() {
        return otlp;
    }

    /** The Zipkin v2 JSON bodies, round by round, batch for batch the same spans as {@link #otlp()}. */
    List<List<byte[]>> zipkin() {
        return zipkin;
    }

    /** How many spans all the batches carry. */
    long spans() {
        long total = 0;
        for (long n : spansPerRound) {
            total += n;
        }
        return total;
    }

    /** How many spans the first round's batches carry. */
    long firstRoundSpans() {
        return spansPerRound[0];
    }

    /** How many requests each format takes. */
    int requests() {
        return otlp.stream().mapToInt(List::size).sum();
    }

    /** How many traces there are. */
    int traces() {
        return traces;
    }

    /** How many traces have a span that failed. */
    int errorTraces() {
        return errorTraces;
    }

    /** When the first trace starts, in nanoseconds since the epoch. */
    long firstStartNanos() {
        return firstStartNanos;
    }

    /** When the last span ends, in nanoseconds since the epoch. */
    long lastEndNanos() {
        return lastEndNanos;
    }

    /** The bytes of all OTLP bodies. */
    long otlpBytes() {
        return bytes(otlp);
    }

    /** The bytes of all Zipkin bodies. */
    long zipkinBytes() {
        return bytes(zipkin);
    }

    private static long bytes(List<List<byte[]>> rounds) {
        return rounds.stream().flatMap(List::stream).mapToLong(b -> b.length).sum();
    }
}
