package dev.vigil.kernel.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.descriptor.PluginDescriptor;
import dev.vigil.kernel.descriptor.Requirement;
import dev.vigil.kernel.descriptor.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private final Resolver resolver = new Resolver(Version.parse("0.1.0-SNAPSHOT"));

    @Test
    void ordersPluginsAfterWhatTheyRequire() {
        Resolution r = resolver.resolve(List.of(
                plugin("alerting", "1.0", "metrics", "logging"),
                plugin("metrics", "1.0"),
                plugin("logging", "1.0", "metrics")), Map.of());

        assertThat(r.refused()).isEmpty();
        assertThat(r.order()).extracting(PluginDescriptor::id).containsExactly("metrics", "logging", "alerting");
    }

    @Test
    void refusesMissingAndIncompatibleDependenciesAndTheirDependents() {
        Resolution r = resolver.resolve(List.of(
                plugin("a", "1.0", "missing"),
                plugin("b", "1.0", "c@[2.0,3.0)"),
                plugin("c", "1.5"),
                plugin("d", "1.0", "a")), Map.of());

        assertThat(r.refused()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a", "requires 'missing', which is not installed",
                "b", "requires 'c' [2.0,3.0), but 1.5.0 is installed",
                "d", "requires 'a', which cannot start (a requires 'missing', which is not installed)"));
        assertThat(r.order()).extracting(PluginDescriptor::id).containsExactly("c");
    }

    @Test
    void refusesEveryMemberOfACycleNamingThePath() {
        Resolution r = resolver.resolve(List.of(
                plugin("a", "1.0", "b"),
                plugin("b", "1.0", "c"),
                plugin("c", "1.0", "a"),
                plugin("self", "1.0", "self"),
                plugin("ok", "1.0")), Map.of());

        assertThat(r.refused()).containsEntry("a", "is in a dependency cycle: a -> b -> c -> a")
                .containsEntry("b", "is in a dependency cycle: a -> b -> c -> a")
                .containsEntry("c", "is in a dependency cycle: a -> b -> c -> a")
                .containsEntry("self", "is in a dependency cycle: self -> self");
        assertThat(r.order()).extracting(PluginDescriptor::id).containsExactly("ok");
    }

    @Test
    void refusesPluginsBuiltForAnotherApi() {
        PluginDescriptor old = new PluginDescriptor("old", Version.parse("1"), "0.0.9", List.of(), List.of(), "old");

        Resolution r = resolver.resolve(List.of(old), Map.of());

        assertThat(r.refused()).containsEntry("old",
                "was built for core API 0.0.9, which is not compatible with this platform's 0.1.0-SNAPSHOT");
    }

    @Test
    void treatsUnavailablePluginsAsAbsentForTheirDependents() {
        Resolution r = resolver.resolve(List.of(plugin("hello", "0.1"), plugin("consumer", "0.1", "hello")), Map.of("hello", "stopped"));

        assertThat(r.refused()).containsExactly(Map.entry("consumer", "requires 'hello', which is stopped"));
    }

    private static PluginDescriptor plugin(String id, String version, String... requires) {
        return new PluginDescriptor(id, Version.parse(version), "0.1.0", Arrays.stream(requires).map(Requirement::parse).toList(), List.of(), id);
    }
}
