package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupRunnerTest {

    private final RuleTestSupport support = new RuleTestSupport();
    private final TestingScheduler scheduler = new TestingScheduler(support.clock);
    private final RuleEnvironment env = support.environment().build();

    private RuleGroup group(String name) {
        return new RuleGroup(Path.of("rules.yml"), support.groups("groups:\n  - name: " + name
                + "\n    rules:\n      - record: one\n        expr: vector(1)\n").get(0), env, false);
    }

    @Test
    void aGroupKeepsTheSameSlotsWhateverTheTime() {
        GroupRunner runner = new GroupRunner(group("g"), env, scheduler, false);
        Instant slot = runner.slotAtOrBefore(RuleTestSupport.T0);

        assertThat(slot).isBeforeOrEqualTo(RuleTestSupport.T0);
        assertThat(Duration.between(slot, RuleTestSupport.T0)).isLessThan(Duration.ofMinutes(1));
        Instant later = RuleTestSupport.T0.plus(Duration.ofHours(5)).plusSeconds(7);
        assertThat(Duration.between(slot, runner.slotAtOrBefore(later)).toMillis() % 60_000).isZero();
        assertThat(new GroupRunner(group("g"), env, scheduler, false).slotAtOrBefore(later))
                .as("the same file and name give the same slots").isEqualTo(runner.slotAtOrBefore(later));
    }

    @Test
    void aLateRunEvaluatesTheLatestSlotAndCountsTheOnesMissed() {
        GroupRunner runner = new GroupRunner(group("g"), env, scheduler, false);
        runner.start();
        scheduler.advance(Duration.ofMinutes(1));
        Instant first = runner.group().lastEvaluationTimestamp().orElseThrow();

        support.clock.advance(Duration.ofMinutes(5));
        scheduler.runUntil(support.clock.instant());

        assertThat(runner.group().lastEvaluationTimestamp()).contains(first.plus(Duration.ofMinutes(5)));
        assertThat(runner.missedSlots()).isEqualTo(4);
        assertThat(support.store.samples(Labels.of("__name__", "one"))).hasSize(2);
        assertThat(scheduler.pending()).containsExactly(first.plus(Duration.ofMinutes(6)));
    }

    @Test
    void aStoppedGroupRunsNoMore() {
        GroupRunner runner = new GroupRunner(group("g"), env, scheduler, false);
        runner.start();
        scheduler.advance(Duration.ofMinutes(2));
        runner.stop();
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(support.store.samples(Labels.of("__name__", "one"))).hasSize(2);
    }
}
