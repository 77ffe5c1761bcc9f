package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePathsTest {

    @TempDir
    Path dir;

    @Test
    void expandsWildcardsAndKeepsExplicitPaths() throws IOException {
        Files.writeString(dir.resolve("a.yml"), "");
        Files.writeString(dir.resolve("b.yml"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.createDirectories(dir.resolve("team1"));
        Files.createDirectories(dir.resolve("team2"));
        Files.writeString(dir.resolve("team1/c.yml"), "");
        Files.writeString(dir.resolve("team2/d.yaml"), "");

        List<Path> found = RulePaths.expand(dir, List.of("*.yml", "team*/*.y*ml", "missing.yml", "a.yml", "none/*.yml"));

        assertThat(found).containsExactly(dir.resolve("a.yml"), dir.resolve("b.yml"), dir.resolve("missing.yml"),
                dir.resolve("team1/c.yml"), dir.resolve("team2/d.yaml"));
    }
}
