package dev.vigil.kernel.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Binds one section of a document to its type, reporting as many of its problems as can be found at once.
 *
 * <p>Jackson stops at the first failure. So after each failure the offending node is removed from a copy of
 * the section (for a missing key, the mapping that lacks it), the type's default takes its place, and binding
 * starts again, until it succeeds. A failure at a path already reported or removed is a consequence of a
 * removal (a key without default is now missing): it is not reported, and the node around it is removed in
 * turn. Binding gives up when the section itself, or the type rather than a value, is at fault. Each round
 * removes a node, so there are at most as many rounds as the section has nodes.
 */
final class SectionBinder {

    private SectionBinder() {}

    /** The bound value, or null after adding the reasons it could not be bound to {@code problems}. */
    static <T> @Nullable T bind(
            ConfigDocument document, String section, Class<T> type, ObjectMapper mapper, List<ConfigProblem> problems) {
        NodePath sectionPath = NodePath.ROOT.key(section);
        PrunedTree tree = new PrunedTree(section, document.sectionTree(section));
        BindingProblems describer = new BindingProblems(document, section);
        ObjectReader reader = mapper.readerFor(type);
        Set<NodePath> reportedOrRemoved = new HashSet<>();
        boolean failed = false;
        while (true) {
            try {
                T value = reader.readValue(tree.section());
                if (value == null && !failed) {
                    problems.add(describer.sectionProblem("no value could be made of this section"));
                }
                return failed ? null : value;
            } catch (IOException failure) {
                NodePath path = failure instanceof JsonMappingException mapping
                        ? tree.toDocument(BindingProblems.pathOf(sectionPath, mapping))
                        : sectionPath;
                BindingProblems.Finding finding = describer.describe(path, failure);
                NodePath atFault = finding.path();
                if (reportedOrRemoved.add(atFault)) {
                    problems.add(finding.problem());
                    failed = true;
                    if (!finding.valueAtFault()) {
                        return null;
                    }
                } else {
                    atFault = atFault.parent();
                }
                while (!atFault.isRoot() && !tree.contains(atFault)) {
                    atFault = atFault.parent();
                }
                if (atFault.segments().size() <= 1 || !tree.remove(atFault)) {
                    return null;
                }
                reportedOrRemoved.add(atFault);
            }
        }
    }
}
