package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of an aggregation's {@code by} or {@code without}: which group each input series falls in and the
 * labels of each group, groups numbered in the order they first appear.
 */
final class Grouping {

    private final List<Labels> labels = new ArrayList<>();
    private final List<List<Integer>> members = new ArrayList<>();
    private final int[] groupOf;

    Grouping(List<StepSeries> series, List<String> names, boolean without) {
        groupOf = new int[series.size()];
        Map<Labels, Integer> index = new HashMap<>();
        for (int i = 0; i < series.size(); i++) {
            Labels key = key(series.get(i).labels(), names, without);
            Integer g = index.get(key);
            if (g == null) {
                g = labels.size();
                index.put(key, g);
                labels.add(key);
                members.add(new ArrayList<>());
            }
            groupOf[i] = g;
            members.get(g).add(i);
        }
    }

    /** The labels an aggregation keeps of {@code labels}. */
    static Labels key(Labels labels, List<String> names, boolean without) {
        if (without) {
            return names.isEmpty() ? LabelSets.withoutName(labels) : LabelSets.withoutNameAnd(labels, names);
        }
        return LabelSets.keep(labels, names);
    }

    int size() {
        return labels.size();
    }

    Labels labels(int group) {
        return labels.get(group);
    }

    /** The input series of {@code group}, in input order. */
    List<Integer> members(int group) {
        return members.get(group);
    }

    /** The group of input series {@code series}. */
    int groupOf(int series) {
        return groupOf[series];
    }
}
