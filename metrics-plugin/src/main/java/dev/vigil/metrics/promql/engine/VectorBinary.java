package dev.vigil.metrics.promql.engine;

import dev.vigil.api.metrics.Labels;
import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.BinaryOp;
import dev.vigil.metrics.promql.ast.VectorMatching;
import dev.vigil.metrics.promql.ast.VectorMatching.Cardinality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An arithmetic or comparison operator between two vectors: one-to-one, many-to-one ({@code group_left}) or
 * one-to-many ({@code group_right}) matching on the labels of {@code on}/{@code ignoring}. Series are matched
 * once by their signatures; the values are then combined step by step, with Prometheus's checks for
 * ambiguous matches made at the steps where they happen.
 */
final class VectorBinary {

    private final BinaryOp op;
    private final VectorMatching matching;
    private final boolean returnBool;
    private final int steps;
    private final boolean arithmetic;
    private final Execution execution;

    VectorBinary(BinaryOp op, VectorMatching matching, boolean returnBool, int steps, Execution execution) {
        this.op = op;
        this.matching = matching;
        this.returnBool = returnBool;
        this.steps = steps;
        this.arithmetic = Ops.isArithmetic(op);
        this.execution = execution;
    }

    /** The series of the "one" side that share a signature. */
    private static final class Group {
        final int id;
        final List<Integer> members = new ArrayList<>(1);
        boolean[] present;

        Group(int id) {
            this.id = id;
        }
    }

    /** A series of the "many" side matched with one of the "one" side. */
    private record Pair(int many, int one, Group group) {}

    StepValue.Vector apply(List<StepSeries> lhs, List<StepSeries> rhs) {
        if (lhs.isEmpty() || rhs.isEmpty()) {
            return new StepValue.Vector(List.of());
        }
        boolean swap = matching.cardinality() == Cardinality.ONE_TO_MANY;
        List<StepSeries> many = swap ? rhs : lhs;
        List<StepSeries> one = swap ? lhs : rhs;
        boolean[] active = activeSteps(lhs, rhs);
        Labels[] manySigs = signatures(many);
        Labels[] oneSigs = signatures(one);
        Map<Labels, Group> groups = groupOneSide(one, oneSigs, active, swap);
        if (matching.cardinality() == Cardinality.ONE_TO_ONE) {
            checkManySide(many, one, manySigs, groups, active);
        }
        Map<Labels, List<Pair>> outputs = new LinkedHashMap<>();
        for (int i = 0; i < many.size(); i++) {
            execution.checkpoint();
            Group group = groups.get(manySigs[i]);
            if (group == null) {
                continue;
            }
            for (int j : partners(many.get(i).values(), group, one, active)) {
                Labels labels = resultLabels(many.get(i).labels(), one.get(j).labels());
                outputs.computeIfAbsent(labels, l -> new ArrayList<>(1)).add(new Pair(i, j, group));
            }
        }
        List<StepSeries> out = new ArrayList<>(outputs.size());
        for (Map.Entry<Labels, List<Pair>> e : outputs.entrySet()) {
            execution.checkpoint();
            double[] values = combine(e.getValue(), many, one, active, swap);
            if (values != null) {
                out.add(new StepSeries(e.getKey(), values));
            }
        }
        return new StepValue.Vector(out);
    }

    private double[] combine(List<Pair> pairs, List<StepSeries> many, List<StepSeries> one, boolean[] active,
            boolean swap) {
        double[] values = Steps.absent(steps);
        int[] claimedBy = pairs.size() > 1 ? new int[steps] : null;
        boolean any = false;
        for (Pair p : pairs) {
            double[] mv = many.get(p.many()).values();
            double[] ov = one.get(p.one()).values();
            for (int k = 0; k < steps; k++) {
                if (!active[k] || Steps.isAbsent(mv[k]) || Steps.isAbsent(ov[k])) {
                    continue;
                }
                if (claimedBy != null) {
                    if (claimedBy[k] != 0) {
                        boolean sameGroup = claimedBy[k] == p.group().id + 1;
                        throw PromqlException.execution(sameGroup && matching.cardinality() != Cardinality.ONE_TO_ONE
                                ? "multiple matches for labels: grouping labels must ensure unique matches"
                                : SeriesMerger.SAME_LABELSET);
                    }
                    claimedBy[k] = p.group().id + 1;
                }
                double l = swap ? ov[k] : mv[k];
                double r = swap ? mv[k] : ov[k];
                if (arithmetic) {
                    values[k] = Ops.arithmetic(op, l, r);
                    any = true;
                } else {
                    boolean keep = Ops.compare(op, l, r);
                    if (returnBool) {
                        values[k] = keep ? 1 : 0;
                        any = true;
                    } else if (keep) {
                        values[k] = l;
                        any = true;
                    }
                }
            }
        }
        return any ? values : null;
    }

    /** The steps at which both sides have at least one sample; at the others nothing can match. */
    private boolean[] activeSteps(List<StepSeries> lhs, List<StepSeries> rhs) {
        boolean[] left = presentAny(lhs);
        boolean[] right = presentAny(rhs);
        for (int k = 0; k < steps; k++) {
            left[k] &= right[k];
        }
        return left;
    }

    private boolean[] presentAny(List<StepSeries> series) {
        boolean[] any = new boolean[steps];
        for (StepSeries s : series) {
            double[] v = s.values();
            for (int k = 0; k < steps; k++) {
                if (Steps.isPresent(v[k])) {
                    any[k] = true;
                }
            }
        }
        return any;
    }

    private Labels[] signatures(List<StepSeries> series) {
        Labels[] sigs = new Labels[series.size()];
        for (int i = 0; i < sigs.length; i++) {
            sigs[i] = signature(matching, series.get(i).labels());
        }
        return sigs;
    }

    /** The labels two series must share to match: those of {@code on}, or all but the metric name and {@code ignoring}. */
    static Labels signature(VectorMatching matching, Labels labels) {
        if (matching.on()) {
            return LabelSets.keep(labels, matching.labels());
        }
        return matching.labels().isEmpty() ? LabelSets.withoutName(labels)
                : LabelSets.withoutNameAnd(labels, matching.labels());
    }

    private Map<Labels, Group> groupOneSide(List<StepSeries> one, Labels[] sigs, boolean[] active, boolean swap) {
        Map<Labels, Group> groups = new HashMap<>(one.size() * 2);
        for (int j = 0; j < one.size(); j++) {
            int id = groups.size();
            groups.computeIfAbsent(sigs[j], s -> new Group(id)).members.add(j);
        }
        for (Map.Entry<Labels, Group> e : groups.entrySet()) {
            Group group = e.getValue();
            if (group.members.size() == 1) {
                continue;
            }
            int[] at = new int[steps];
            Arrays.fill(at, -1);
            group.present = new boolean[steps];
            for (int j : group.members) {
                double[] v = one.get(j).values();
                for (int k = 0; k < steps; k++) {
                    if (!Steps.isPresent(v[k])) {
                        continue;
                    }
                    group.present[k] = true;
                    if (!active[k]) {
                        continue;
                    }
                    if (at[k] >= 0) {
                        throw duplicateOnOneSide(e.getKey(), one.get(at[k]).labels(), one.get(j).labels(), swap);
                    }
                    at[k] = j;
                }
            }
        }
        return groups;
    }

    private static PromqlException duplicateOnOneSide(Labels sig, Labels a, Labels b, boolean swap) {
        Labels first = a.compareTo(b) <= 0 ? a : b;
        Labels second = first == a ? b : a;
        return PromqlException.execution("found duplicate series for the match group " + PromFormat.labels(sig)
                + " on the " + (swap ? "left" : "right") + " hand-side of the operation: ["
                + PromFormat.labels(first) + ", " + PromFormat.labels(second)
                + "];many-to-many matching not allowed: matching labels must be unique on one side");
    }

    /** In one-to-one matching, two series of the left side must not match the same right series at a step. */
    private void checkManySide(List<StepSeries> many, List<StepSeries> one, Labels[] sigs, Map<Labels, Group> groups,
            boolean[] active) {
        Map<Labels, List<Integer>> bySig = new HashMap<>();
        for (int i = 0; i < many.size(); i++) {
            if (groups.containsKey(sigs[i])) {
                bySig.computeIfAbsent(sigs[i], s -> new ArrayList<>(1)).add(i);
            }
        }
        for (Map.Entry<Labels, List<Integer>> e : bySig.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            Group group = groups.get(e.getKey());
            int[] count = new int[steps];
            for (int i : e.getValue()) {
                double[] v = many.get(i).values();
                for (int k = 0; k < steps; k++) {
                    if (active[k] && Steps.isPresent(v[k]) && groupPresent(group, k, one) && ++count[k] > 1) {
                        throw PromqlException.execution(
                                "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
                    }
                }
            }
        }
    }

    private static boolean groupPresent(Group group, int k, List<StepSeries> one) {
        if (group.present != null) {
            return group.present[k];
        }
        return Steps.isPresent(one.get(group.members.get(0)).values()[k]);
    }

    /** The series of {@code group} that the "many" series with values {@code mv} meets at some step. */
    private List<Integer> partners(double[] mv, Group group, List<StepSeries> one, boolean[] active) {
        if (group.members.size() == 1) {
            return group.members;
        }
        List<Integer> found = new ArrayList<>(2);
        for (int j : group.members) {
            double[] ov = one.get(j).values();
            for (int k = 0; k < steps; k++) {
                if (active[k] && Steps.isPresent(mv[k]) && Steps.isPresent(ov[k])) {
                    found.add(j);
                    break;
                }
            }
        }
        return found;
    }

    private Labels resultLabels(Labels manyLabels, Labels oneLabels) {
        boolean dropName = arithmetic || returnBool;
        Cardinality card = matching.cardinality();
        if (card == Cardinality.ONE_TO_ONE && matching.include().isEmpty()) {
            if (matching.on()) {
                Labels kept = LabelSets.keep(manyLabels, matching.labels());
                return dropName ? LabelSets.withoutName(kept) : kept;
            }
            if (matching.labels().isEmpty()) {
                return dropName ? LabelSets.withoutName(manyLabels) : manyLabels;
            }
        }
        Labels.Builder b = manyLabels.toBuilder();
        if (arithmetic) {
            b.remove(Labels.METRIC_NAME);
        }
        if (card == Cardinality.ONE_TO_ONE) {
            if (matching.on()) {
                Labels kept = LabelSets.keep(manyLabels, matching.labels());
                b = kept.toBuilder();
                if (arithmetic) {
                    b.remove(Labels.METRIC_NAME);
                }
            } else {
                matching.labels().forEach(b::remove);
            }
        }
        for (String name : matching.include()) {
            String v = oneLabels.get(name);
            if (v != null) {
                b.set(name, v);
            } else {
                b.remove(name);
            }
        }
        if (returnBool) {
            b.remove(Labels.METRIC_NAME);
        }
        return b.build();
    }
}
