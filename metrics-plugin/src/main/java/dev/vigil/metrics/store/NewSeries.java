package dev.vigil.metrics.store;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.store.head.MemSeries;
import dev.vigil.metrics.store.wal.RecordBuffer;
import dev.vigil.metrics.store.wal.Records;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** The series of one batch that the series log does not hold yet, with the record that adds them. */
final class NewSeries {

    private final MemSeries[] series;
    private final int count;
    private final BatchSlots listed;
    private final RecordBuffer records;

    private NewSeries(MemSeries[] series, int count, BatchSlots listed, RecordBuffer records) {
        this.series = series;
        this.count = count;
        this.listed = listed;
        this.records = records;
    }

    /** The series among the first {@code size} of {@code batch} that are not logged, or null when none. */
    static @Nullable NewSeries of(MemSeries[] batch, int size) {
        MemSeries[] found = null;
        BatchSlots listed = null;
        int count = 0;
        for (int i = 0; i < size; i++) {
            MemSeries s = batch[i];
            if (!s.logged) {
                if (found == null) {
                    found = new MemSeries[size - i];
                    listed = new BatchSlots();
                }
                // a batch may hold several samples of one series; its record is written once
                if (listed.get(s.id()) < 0) {
                    listed.put(s.id(), count);
                    found[count++] = s;
                }
            }
        }
        if (found == null) {
            return null;
        }
        int[] ids = new int[count];
        Labels[] labels = new Labels[count];
        for (int i = 0; i < count; i++) {
            ids[i] = found[i].id();
            labels[i] = found[i].labels();
        }
        RecordBuffer records = new RecordBuffer();
        Records.writeSeries(records, ids, labels, count);
        return new NewSeries(found, count, listed, records);
    }

    /** Whether the record holds this series. */
    boolean has(MemSeries s) {
        int at = listed.get(s.id());
        return at >= 0 && series[at] == s;
    }

    /** The record to write to the series log. */
    ByteBuffer records() {
        return records.view();
    }

    /** Notes that the series log holds these series now. */
    void markLogged() {
        for (int i = 0; i < count; i++) {
            series[i].logged = true;
        }
    }
}
