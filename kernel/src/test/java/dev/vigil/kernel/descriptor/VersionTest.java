package dev.vigil.kernel.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void parsesShortAndQualifiedForms() {
        assertThat(Version.parse("1")).isEqualTo(new Version(1, 0, 0, ""));
        assertThat(Version.parse("1.2")).isEqualTo(new Version(1, 2, 0, ""));
        assertThat(Version.parse("1.2.3-SNAPSHOT")).isEqualTo(new Version(1, 2, 3, "SNAPSHOT"));
        assertThat(Version.parse("0.1.0-SNAPSHOT")).hasToString("0.1.0-SNAPSHOT");
    }

    @Test
    void qualifiedVersionOrdersBeforeItsRelease() {
        assertThat(Version.parse("1.0.0-SNAPSHOT")).isLessThan(Version.parse("1.0.0"));
        assertThat(Version.parse("1.0.0")).isLessThan(Version.parse("1.0.1"));
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
    }

    @Test
    void refusesTextThatIsNotAVersion() {
        assertThatThrownBy(() -> Version.parse("one.two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'one.two' is not a version (expected major[.minor[.patch]][-qualifier])");
    }

    @Test
    void rangesInIntervalNotation() {
        VersionRange range = VersionRange.parse("[0.1,1.0)");
        assertThat(range.contains(Version.parse("0.1.0"))).isTrue();
        assertThat(range.contains(Version.parse("0.1.0-SNAPSHOT"))).isTrue();
        assertThat(range.contains(Version.parse("0.9.9"))).isTrue();
        assertThat(range.contains(Version.parse("1.0"))).isFalse();
        assertThat(VersionRange.parse("(1.0,2.0]").contains(Version.parse("1.0"))).isFalse();
        assertThat(VersionRange.parse("(1.0,2.0]").contains(Version.parse("2.0"))).isTrue();
        assertThat(VersionRange.parse("[1.2,)").contains(Version.parse("99"))).isTrue();
        assertThat(VersionRange.parse("1.2").contains(Version.parse("1.1"))).isFalse();
        assertThat(VersionRange.parse("1.2").contains(Version.parse("3.0"))).isTrue();
    }

    @Test
    void refusesMalformedAndEmptyRanges() {
        assertThatThrownBy(() -> VersionRange.parse("[1.0,2.0"))
                .hasMessage("'[1.0,2.0' is not a version range (expected e.g. [1.0,2.0) or 1.0)");
        assertThatThrownBy(() -> VersionRange.parse("[2.0,1.0]"))
                .hasMessage("'[2.0,1.0]' is empty: its lower bound is above its upper bound");
    }

    @Test
    void apiCompatibilityFollowsSemanticVersioning() {
        Version running = Version.parse("1.4.0");
        assertThat(ApiCompatibility.check("1.2", running)).isEmpty();
        assertThat(ApiCompatibility.check("1.5", running)).contains(
                "was built for core API 1.5, which is not compatible with this platform's 1.4.0");
        assertThat(ApiCompatibility.check("2.0", running)).isPresent();
        assertThat(ApiCompatibility.check("[1.0,2.0)", running)).isEmpty();
        assertThat(ApiCompatibility.check("[2.0,3.0)", running)).contains("needs core API [2.0,3.0), but this platform runs 1.4.0");
    }

    @Test
    void zeroMajorVersionsMatchOnMinor() {
        Version running = Version.parse("0.2.0-SNAPSHOT");
        assertThat(ApiCompatibility.check("0.2.0-SNAPSHOT", running)).isEmpty();
        assertThat(ApiCompatibility.check("0.2.0", running)).isEqualTo(Optional.empty());
        assertThat(ApiCompatibility.check("0.1.0", running)).isPresent();
    }
}
