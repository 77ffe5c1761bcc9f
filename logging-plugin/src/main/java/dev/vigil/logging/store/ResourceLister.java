package dev.vigil.logging.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the distinct resources with records in a time range: from block and frame headers where they lie wholly in
 * the range, and by reading only the frames that straddle an end of it and could add a resource not yet found. Not
 * thread-safe; one per call.
 */
final class ResourceLister {

    private final ResourceTable resources;
    private final Reader reader = new Reader();
    private final long from;
    private final long to;
    private final Set<Integer> found = new HashSet<>();

    ResourceLister(ResourceTable resources, long from, long to) {
        this.resources = resources;
        this.from = from;
        this.to = to;
    }

    List<Map<String, String>> list(List<BlockView> blocks) throws IOException {
        for (BlockView b : blocks) {
            if (b.count == 0 || b.maxTime < from || b.minTime >= to || allFound(b.resourceIds)) {
                continue;
            }
            if (b.minTime >= from && b.maxTime < to) {
                addAll(b.resourceIds);
                continue;
            }
            for (FrameInfo f : b.frames(reader)) {
                if (f.maxTime() < from || f.minTime() >= to || allFound(f.resourceIds())) {
                    continue;
                }
                if (f.minTime() >= from && f.maxTime() < to) {
                    addAll(f.resourceIds());
                    continue;
                }
                FrameData d = reader.load(b.segment, f);
                if (d != null) {
                    for (int i = 0; i < d.n; i++) {
                        long t = d.time(i);
                        if (t >= from && t < to) {
                            found.add(d.resource(i));
                        }
                    }
                }
            }
        }
        Set<Map<String, String>> maps = new LinkedHashSet<>();
        for (int id : found) {
            Map<String, String> m = resources.get(id);
            if (m != null) {
                maps.add(m);
            }
        }
        List<Map<String, String>> out = new ArrayList<>(maps);
        out.sort(Comparator.comparing(Map::toString));
        return out;
    }

    private boolean allFound(int[] ids) {
        for (int id : ids) {
            if (!found.contains(id)) {
                return false;
            }
        }
        return true;
    }

    private void addAll(int[] ids) {
        for (int id : ids) {
            found.add(id);
        }
    }
}
