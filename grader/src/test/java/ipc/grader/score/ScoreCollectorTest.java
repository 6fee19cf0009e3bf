package ipc.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class ScoreCollectorTest {

    private static GradeReport report;
    private static Map<String, CheckResult> byMethod;

    @BeforeAll
    static void runTheFakeSuites() {
        ScoreCollector collector = new ScoreCollector("fake submission");
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(FakeSuites.Mixed.class), selectClass(FakeSuites.CannotStart.class),
                                selectClass(FakeSuites.NotOnThisPlatform.class))
                        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                        .build(), collector);
        report = collector.report();
        byMethod = report.checks().stream().collect(Collectors.toMap(CheckResult::method, Function.identity()));
    }

    @Test
    @DisplayName("only tests with @Points count, each all or nothing")
    void pointsAreAllOrNothing() {
        assertThat(byMethod).containsOnlyKeys("passes", "failsAnAssertion", "crashes", "neverRuns", "isSkipped", "cannotMeasureHere");
        assertThat(report.score()).isEqualTo(2);
        assertThat(report.maxScore()).isEqualTo(10);
        assertThat(byMethod.get("passes")).extracting(CheckResult::passed, CheckResult::score, CheckResult::exercise)
                .containsExactly(true, 2, "echo");
    }

    @Test
    @DisplayName("a failure keeps its reason on the first line and gains the check's hint, then the command that reruns it")
    void failureMessage() {
        CheckResult failed = byMethod.get("failsAnAssertion");
        assertThat(failed.reason()).isEqualTo("expected \"a\" but got \"b\"");
        assertThat(failed.message()).contains("\nHint: the lecture's idea\n")
                .endsWith("Rerun this check alone: mvn test -Dtest=Mixed#failsAnAssertion");
        assertThat(failed.id()).isEqualTo("Mixed#failsAnAssertion");
        assertThat(failed.name()).isEqualTo("fails an assertion");
    }

    @Test
    @DisplayName("a crash scores 0 and says what went wrong")
    void crash() {
        assertThat(byMethod.get("crashes").passed()).isFalse();
        assertThat(byMethod.get("crashes").reason()).isEqualTo("The check could not finish: java.lang.IllegalStateException: boom");
    }

    @Test
    @DisplayName("a check that never ran is failed with its suite's reason, never passed")
    void neverRunIsFailed() {
        CheckResult neverRuns = byMethod.get("neverRuns");
        assertThat(neverRuns.passed()).isFalse();
        assertThat(neverRuns.reason()).isEqualTo("not run: suite set-up failed");
        assertThat(neverRuns.exercise()).isEqualTo("tcp-ping-pong");
    }

    @Test
    @DisplayName("exercises are reported in catalogue order")
    void catalogueOrder() {
        assertThat(report.byExercise().keySet()).containsExactly("tcp-ping-pong", "echo", "fifo");
    }

    @Test
    @DisplayName("a suite the platform cannot run is skipped with its reason, and its points leave the total")
    void platformSkipIsNeitherPassedNorFailed() {
        CheckResult skipped = byMethod.get("isSkipped");
        assertThat(skipped.status()).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(skipped.counts()).isFalse();
        assertThat(skipped.failed()).isFalse();
        assertThat(skipped.reason()).isEqualTo("skipped: named pipes need Linux or macOS");
        assertThat(report.maxScore()).as("max score without the skipped 5 points").isEqualTo(10);
    }

    @Test
    @DisplayName("a check that aborts while running (it cannot measure on this platform) is skipped with its reason")
    void abortedCheckIsSkipped() {
        CheckResult aborted = byMethod.get("cannotMeasureHere");
        assertThat(aborted.status()).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(aborted.counts()).isFalse();
        assertThat(aborted.reason()).isEqualTo("skipped: this system gives no CPU time of another process");
    }
}
