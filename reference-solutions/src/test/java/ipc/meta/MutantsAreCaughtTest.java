package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.grader.platform.Platform;
import ipc.grader.run.GradingRun;
import ipc.grader.score.ExerciseCatalog;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import ipc.grader.submission.FolderTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Every graded check proves itself: each mutant (a reference with one typical mistake) loses
 * exactly the checks it names, and keeps all the others.
 */
class MutantsAreCaughtTest {

    private static final List<Mutant> MUTANTS = Mutant.all(Repository.MUTANTS);
    /**
     * {@code -Dmutants=threaded-echo,message-queue/busy-waiting} grades only the mutants of those
     * exercises, or those mutants by exercise/name: for a quick look at one exercise in one mode.
     */
    private static final List<String> SELECTED = List.of(System.getProperty("mutants", "").split(",")).stream()
            .map(String::strip).filter(selector -> !selector.isEmpty()).toList();
    private static final int UNEXPECTED_SHOWN = 4_000;

    @TestFactory
    @DisplayName("each mutant loses exactly the checks that name its mistake")
    Stream<DynamicTest> eachMutantLosesExactlyItsChecks() {
        return Mutant.byExerciseInTurn(MUTANTS).stream().filter(MutantsAreCaughtTest::selected).map(mutant -> DynamicTest.dynamicTest(
                mutant.name() + ": " + mutant.mistake(), () -> assertLosesExactlyItsChecks(mutant)));
    }

    private static boolean selected(Mutant mutant) {
        return SELECTED.isEmpty() || SELECTED.contains(mutant.exercise()) || SELECTED.contains(mutant.name());
    }

    @Test
    @DisplayName("every exercise of the catalogue has at least three mutants, and every mutant names real checks")
    void everyExerciseHasThreeMutants() {
        Map<String, Long> perExercise = MUTANTS.stream().collect(Collectors.groupingBy(Mutant::exercise, Collectors.counting()));
        assertThat(perExercise).as("mutants per exercise").containsOnlyKeys(ExerciseCatalog.ids());
        assertThat(perExercise.values()).as("mutants per exercise").allMatch(count -> count >= 3);
        assertThat(MUTANTS).as("mutants that name no check to lose").allMatch(mutant -> !mutant.fails().isEmpty());
    }

    @Test
    @DisplayName("every graded check is lost by at least one mutant, so none of them is a check that cannot fail")
    void everyCheckCatchesAMutant() {
        Set<String> caught = MUTANTS.stream().flatMap(mutant -> mutant.fails().stream()).collect(Collectors.toSet());
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage("ipc.grader.suites")).build());
        Set<String> checks = new TreeSet<>();
        collectMethods(plan, plan.getRoots(), checks);
        assertThat(checks).as("graded checks found").hasSizeGreaterThan(40);
        assertThat(caught).as("checks lost by some mutant (missing: graded checks no mutant catches)").containsAll(checks);
    }

    private static void collectMethods(TestPlan plan, Set<TestIdentifier> identifiers, Set<String> into) {
        for (TestIdentifier identifier : identifiers) {
            identifier.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .ifPresent(method -> into.add(method.getJavaClass().getSimpleName() + "#" + method.getMethodName()));
            collectMethods(plan, plan.getChildren(identifier), into);
        }
    }

    /** Grades {@code mutant} once, asserts that it lost exactly its checks, and returns the report. */
    static GradeReport assertLosesExactlyItsChecks(Mutant mutant) throws IOException {
        assumeTrue(mutant.notPortable() == null || !Platform.portable(),
                () -> "not graded in the portable mode: " + mutant.notPortable());
        Path copy = Files.createTempDirectory("sockgrader-mutant-");
        try {
            mutant.applyTo(Repository.REFERENCE, copy);
            GradeReport report = GradingRun.of(copy).exercise(mutant.exercise()).run();
            recordScore(mutant, report);
            Map<String, CheckResult> byId = report.checks().stream()
                    .collect(Collectors.toMap(CheckResult::id, Function.identity()));
            assertThat(byId.keySet()).as("checks of %s named by mutant %s", mutant.exercise(), mutant)
                    .containsAll(mutant.fails());
            Set<String> failed = report.checks().stream().filter(check -> !check.passed())
                    .map(CheckResult::id).collect(Collectors.toCollection(TreeSet::new));
            assertThat(failed)
                    .as("checks failed by mutant %s (%s); details:%n%s", mutant, mutant.mistake(), describe(report, mutant))
                    .containsExactlyInAnyOrderElementsOf(mutant.fails());
            return report;
        } finally {
            FolderTree.delete(copy);
        }
    }

    /**
     * With {@code -Dsockgrader.mutantScores=FILE}, appends "{@code name score/max}" to FILE for every
     * grading: {@code grader/bench/determinism.sh} reports each mutant's spread of scores from it.
     */
    private static void recordScore(Mutant mutant, GradeReport report) throws IOException {
        String file = System.getProperty("sockgrader.mutantScores");
        if (file != null) {
            synchronized (MutantsAreCaughtTest.class) {
                Files.writeString(Path.of(file), mutant.name() + " " + report.score() + "/" + report.maxScore() + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    /**
     * Each check's outcome; a check the mutant should have passed but failed comes with its whole
     * message (what was sent and received, the program's output), which is what tells a flaw in the
     * check from a load on the machine.
     */
    private static String describe(GradeReport report, Mutant mutant) {
        return report.checks().stream()
                .map(check -> (check.passed() ? "  passed " : "  FAILED ") + check.id() + (check.passed() ? ""
                        : ": " + (mutant.fails().contains(check.id()) ? check.reason() : unexpected(check))))
                .collect(Collectors.joining("\n"));
    }

    private static String unexpected(CheckResult check) {
        String message = check.message().strip();
        return (message.length() <= UNEXPECTED_SHOWN ? message : message.substring(0, UNEXPECTED_SHOWN) + "...")
                + "\n  (took " + check.duration().toMillis() + " ms)";
    }
}
