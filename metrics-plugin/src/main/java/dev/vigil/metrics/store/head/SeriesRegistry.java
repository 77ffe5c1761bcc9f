package dev.vigil.metrics.store.head;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.store.index.MemPostings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Every series the store knows, by labels and by id, with the postings index over them and a count per
 * metric name of its active series (with samples in the head) that enforces the series limit before anything
 * is allocated. A series that leaves the head stops counting, and counts again when it gets a new sample.
 * Thread-safe.
 */
public final class SeriesRegistry {

    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int INITIAL_CAPACITY = 1 << 16;

    // sized for tens of thousands of series up front: growing a large map copies it, and stalls creation
    private final Map<Labels, MemSeries> byLabels = new ConcurrentHashMap<>(INITIAL_CAPACITY);
    private volatile AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable MemSeries>> pages =
            new AtomicReferenceArray<>(16);
    private final Map<String, AtomicInteger> perMetric = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();
    private final MemPostings postings = new MemPostings();
    private final int maxSeriesPerMetric;

    /** An empty registry that allows {@code maxSeriesPerMetric} active series per metric name. */
    public SeriesRegistry(int maxSeriesPerMetric) {
        this.maxSeriesPerMetric = maxSeriesPerMetric;
    }

    /** The series with these labels, or null. */
    public @Nullable MemSeries get(Labels labels) {
        return byLabels.get(labels);
    }

    /** The series with this id, or null. */
    public @Nullable MemSeries get(int id) {
        if (id <= 0) {
            return null;
        }
        AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable MemSeries>> p = pages;
        int page = id >>> PAGE_BITS;
        if (page >= p.length()) {
            return null;
        }
        AtomicReferenceArray<@Nullable MemSeries> slots = p.get(page);
        return slots == null ? null : slots.get(id & (PAGE_SIZE - 1));
    }

    /**
     * The series with these labels, created (and counted as active) if the metric name has room for it. A
     * series that already exists is returned as it is, active or not; see {@link #activate}.
     *
     * @return the series, or null when the metric name already has the most active series allowed
     */
    public @Nullable MemSeries getOrCreate(Labels labels) {
        MemSeries series = byLabels.get(labels);
        if (series != null) {
            return series;
        }
        AtomicInteger count = counter(labels.metricName());
        if (count.incrementAndGet() > maxSeriesPerMetric) {
            count.decrementAndGet();
            return byLabels.get(labels);
        }
        MemSeries created = new MemSeries(lastId.incrementAndGet(), labels);
        created.setActive(false, true);
        MemSeries raced = byLabels.putIfAbsent(labels, created);
        if (raced != null) {
            count.decrementAndGet();
            return raced;
        }
        index(created);
        return created;
    }

    /**
     * Makes a series count towards its metric's limit again, if there is room.
     *
     * @return whether the series is active now
     */
    public boolean activate(MemSeries series) {
        if (series.isActive()) {
            return true;
        }
        AtomicInteger count = counter(series.labels().metricName());
        if (count.incrementAndGet() > maxSeriesPerMetric) {
            count.decrementAndGet();
            return series.isActive();
        }
        if (!series.setActive(false, true)) {
            count.decrementAndGet();
        } else if (series.removed) {
            // forgotten meanwhile: the commit revives it and counts it again, or uses the series that replaced it
            deactivate(series);
        }
        return true;
    }

    /** Makes a series count even beyond the limit: for samples already committed, which are not refused. */
    public void activateAnyway(MemSeries series) {
        if (series.setActive(false, true)) {
            counter(series.labels().metricName()).incrementAndGet();
        }
    }

    /** Stops counting a series that has left the head; true when it was counted. */
    public boolean deactivate(MemSeries series) {
        if (series.setActive(true, false)) {
            counter(series.labels().metricName()).decrementAndGet();
            return true;
        }
        return false;
    }

    /** How many active series the metric name has. */
    public int activeSeries(String metricName) {
        AtomicInteger count = perMetric.get(metricName);
        return count == null ? 0 : count.get();
    }

    private AtomicInteger counter(String metricName) {
        return perMetric.computeIfAbsent(metricName, n -> new AtomicInteger());
    }

    /** Adds a series read back from the series log, keeping its id; it counts once it gets samples. */
    public MemSeries restore(int id, Labels labels) {
        MemSeries existing = byLabels.get(labels);
        if (existing != null) {
            return existing;
        }
        MemSeries series = new MemSeries(id, labels);
        series.logged = true;
        byLabels.put(labels, series);
        lastId.accumulateAndGet(id, Math::max);
        index(series);
        return series;
    }

    /**
     * Takes back a forgotten series that a commit still holds: the series now registered with its labels,
     * or else this one again, with its id, to be written to the series log again. Called under the store's
     * log lock.
     */
    public MemSeries revive(MemSeries series) {
        MemSeries current = byLabels.putIfAbsent(series.labels(), series);
        if (current != null) {
            deactivate(series);
            return current;
        }
        series.logged = false;
        series.removed = false;
        index(series);
        return series;
    }

    /** Forgets a series that holds nothing any more; called under the store's log lock. */
    public void remove(MemSeries series) {
        if (byLabels.remove(series.labels(), series)) {
            series.removed = true;
            deactivate(series);
            postings.remove(series.id(), series.labels());
            AtomicReferenceArray<@Nullable MemSeries> slots = pages.get(series.id() >>> PAGE_BITS);
            if (slots != null) {
                slots.compareAndSet(series.id() & (PAGE_SIZE - 1), series, null);
            }
        }
    }

    // no lock for the common case: only a missing page is made under the lock; the postings are thread-safe
    private void index(MemSeries series) {
        int page = series.id() >>> PAGE_BITS;
        AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable MemSeries>> p = pages;
        AtomicReferenceArray<@Nullable MemSeries> slots = page < p.length() ? p.get(page) : null;
        if (slots == null) {
            slots = page(page);
        }
        slots.set(series.id() & (PAGE_SIZE - 1), series);
        postings.add(series.id(), series.labels());
    }

    private synchronized AtomicReferenceArray<@Nullable MemSeries> page(int page) {
        AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable MemSeries>> p = growTo(page);
        AtomicReferenceArray<@Nullable MemSeries> slots = p.get(page);
        if (slots == null) {
            slots = new AtomicReferenceArray<>(PAGE_SIZE);
            p.set(page, slots);
        }
        return slots;
    }

    private AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable MemSeries>> growTo(int page) {
        AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable MemSeries>> p = pages;
        if (page < p.length()) {
            return p;
        }
        AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable MemSeries>> bigger =
                new AtomicReferenceArray<>(Math.max(page + 1, p.length() * 2));
        for (int i = 0; i < p.length(); i++) {
            bigger.set(i, p.get(i));
        }
        pages = bigger;
        return bigger;
    }

    /** The postings index over every series. */
    public MemPostings postings() {
        return postings;
    }

    /** How many series there are. */
    public int size() {
        return byLabels.size();
    }

    /** Every series, in no particular order. */
    public List<MemSeries> all() {
        return new ArrayList<>(byLabels.values());
    }

    /** Every series id, sorted. */
    public int[] allIds() {
        return byLabels.values().stream().mapToInt(MemSeries::id).sorted().toArray();
    }
}
