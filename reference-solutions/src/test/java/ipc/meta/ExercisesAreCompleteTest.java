package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hidden;
import ipc.grader.junit.Points;
import ipc.grader.score.ExerciseCatalog;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * An exercise is either wholly there or not at all: each exercise of {@link ExerciseCatalog} has its
 * suites, its README with the points its public checks are worth, and its mutants, and nothing of an
 * exercise exists that the catalogue does not name. (The reference and the skeletons of each are
 * graded by {@code ReferenceAndSkeletonTest}, against the same catalogue.)
 */
class ExercisesAreCompleteTest {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: (?:[0-9 +]+= )?([0-9]+) points\\.");

    @Test
    @DisplayName("the catalogue, the suites, the exercise READMEs and the mutant folders name the same exercises")
    void everyPartNamesTheSameExercises() throws IOException {
        Set<String> catalogue = new TreeSet<>(ExerciseCatalog.ids());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(publicPointsBySuiteExercise().keySet()).as("exercises with a graded suite")
                .containsExactlyInAnyOrderElementsOf(catalogue);
        softly.assertThat(folders(Repository.ROOT.resolve("exercises"))).as("folders in exercises/")
                .containsExactlyInAnyOrderElementsOf(catalogue);
        softly.assertThat(folders(Repository.MUTANTS)).as("folders in reference-solutions/mutants/")
                .containsExactlyInAnyOrderElementsOf(catalogue);
        softly.assertAll();
    }

    @Test
    @DisplayName("each exercise README's total is what its public checks are worth")
    void everyReadmeTotalsItsPoints() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Integer> exercise : publicPointsBySuiteExercise().entrySet()) {
            Path readme = Repository.ROOT.resolve("exercises").resolve(exercise.getKey()).resolve("README.md");
            if (!Files.isRegularFile(readme)) {
                softly.fail("%s has no README", exercise.getKey());
                continue;
            }
            Matcher total = TOTAL.matcher(Files.readString(readme));
            softly.assertThat(total.find()).as("%s says \"Total: ... = N points.\"", readme).isTrue();
            if (total.find(0)) {
                softly.assertThat(Integer.parseInt(total.group(1))).as("total in %s", readme).isEqualTo(exercise.getValue());
            }
        }
        softly.assertAll();
    }

    /** Each exercise that has a graded suite, with the points of its checks that are not hidden. */
    private static Map<String, Integer> publicPointsBySuiteExercise() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage("ipc.grader.suites")).build());
        Map<String, Integer> points = new TreeMap<>();
        collect(plan, plan.getRoots(), points);
        return points;
    }

    private static void collect(TestPlan plan, Set<TestIdentifier> identifiers, Map<String, Integer> into) {
        for (TestIdentifier identifier : identifiers) {
            identifier.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(source -> {
                Method method = source.getJavaMethod();
                GradedExercise exercise = method.getDeclaringClass().getAnnotation(GradedExercise.class);
                if (exercise != null && method.isAnnotationPresent(Points.class)) {
                    boolean hidden = method.isAnnotationPresent(Hidden.class)
                            || method.getDeclaringClass().isAnnotationPresent(Hidden.class);
                    into.merge(exercise.value(), hidden ? 0 : method.getAnnotation(Points.class).value(), Integer::sum);
                }
            });
            collect(plan, plan.getChildren(identifier), into);
        }
    }

    private static Set<String> folders(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
