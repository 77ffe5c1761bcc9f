package dev.vigil.logging.logql;

import dev.vigil.api.logs.LogFilter;
import dev.vigil.api.logs.LogPage;
import dev.vigil.api.logs.LogQuery;
import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.LogSearch;
import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the records of a log selector from the store, page by page, with what can be pushed down in the store's
 * filter, and runs the selector's matchers and pipeline on each: the lines that pass go to a consumer, in the order
 * asked for, until it has enough. Not thread-safe: one per query.
 */
final class LineReader {

    /** Takes a line that passed the pipeline; returns whether to go on. */
    @FunctionalInterface
    interface Consumer {
        boolean accept(LogRecord record, Pipeline.Line line);
    }

    private final LogQuery store;
    private final LogSelectorExpr selector;
    private final Pipeline pipeline;
    private final QueryStatistics statistics;
    private final Map<Map<String, String>, Labels> streams = new HashMap<>();

    LineReader(LogQuery store, LogSelectorExpr selector, QueryStatistics statistics) {
        this.store = store;
        this.selector = selector;
        this.pipeline = Pipeline.compile(selector.stages());
        this.statistics = statistics;
    }

    /**
     * Reads the lines from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param pageSize how many records to ask the store for at once
     */
    void read(Instant from, Instant to, LogSearch.Direction direction, int pageSize, Consumer consumer) {
        if (!to.isAfter(from)) {
            return;
        }
        Optional<LogFilter> filter = Pushdown.filter(selector, from, to);
        if (filter.isEmpty()) {
            return;
        }
        LogSearch search = new LogSearch(filter.get(), direction, Math.max(1, Math.min(pageSize, LogSearch.MAX_LIMIT)), Optional.empty());
        while (true) {
            LogPage page = store.search(search);
            for (LogRecord record : page.records()) {
                statistics.processed(record.body());
                Pipeline.Line line = evaluate(record);
                if (line != null) {
                    statistics.kept();
                    if (!consumer.accept(record, line)) {
                        return;
                    }
                }
            }
            if (page.next().isEmpty() || page.records().isEmpty()) {
                return;
            }
            search = search.after(page);
        }
    }

    /** The line of {@code record} after the pipeline, or null when the selector or the pipeline drops it. */
    private Pipeline.@org.jspecify.annotations.Nullable Line evaluate(LogRecord record) {
        Labels stream = streams.computeIfAbsent(record.resource(), OtlpLabels::streamLabels);
        List<LabelMatcher> matchers = selector.matchers();
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(stream)) {
                return null;
            }
        }
        EntryLabels labels = new EntryLabels(stream, OtlpLabels.structuredMetadata(record, stream));
        Pipeline.Line line = new Pipeline.Line(record.body(), labels);
        return pipeline.process(line) ? line : null;
    }
}
