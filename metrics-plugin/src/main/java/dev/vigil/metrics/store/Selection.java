package dev.vigil.metrics.store;

import dev.vigil.api.metrics.LabelMatcher;
import dev.vigil.metrics.store.head.SeriesRegistry;
import dev.vigil.metrics.store.index.MemPostings;
import dev.vigil.metrics.store.index.Postings;
import java.util.ArrayList;
import java.util.List;

/** Turns label matchers into series ids with the postings index. */
final class Selection {

    private Selection() {}

    /**
     * The sorted ids of the series that satisfy every matcher. Equality is one look-up; other matchers scan
     * the values of their label. A matcher that accepts the empty value also accepts series without the
     * label, so it removes the series whose value it refuses instead of adding those it accepts.
     */
    static int[] select(SeriesRegistry registry, List<LabelMatcher> matchers) {
        MemPostings postings = registry.postings();
        int[] candidates = null;
        List<int[]> excluded = new ArrayList<>();
        for (LabelMatcher m : matchers) {
            if (!m.matchesEmpty()) {
                int[] ids = m.type() == LabelMatcher.Type.EQUAL
                        ? postings.get(m.name(), m.value())
                        : valuesWhere(postings, m, true);
                candidates = candidates == null ? ids : Postings.intersect(candidates, ids);
            } else {
                excluded.add(valuesWhere(postings, m, false));
            }
        }
        if (candidates == null) {
            candidates = registry.allIds();
        }
        for (int[] ids : excluded) {
            candidates = Postings.subtract(candidates, ids);
        }
        return candidates;
    }

    private static int[] valuesWhere(MemPostings postings, LabelMatcher m, boolean matching) {
        List<int[]> lists = new ArrayList<>();
        for (String value : postings.values(m.name())) {
            if (m.matches(value) == matching) {
                lists.add(postings.get(m.name(), value));
            }
        }
        return Postings.union(lists);
    }
}
