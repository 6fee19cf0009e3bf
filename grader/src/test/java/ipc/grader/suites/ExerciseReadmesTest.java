package ipc.grader.suites;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hidden;
import ipc.grader.junit.Points;
import ipc.grader.run.GradingRun;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.commons.support.ReflectionSupport;

/** Each exercise README lists every graded check with its points, as the suites define them. */
class ExerciseReadmesTest {

    private static final Path EXERCISES = Path.of("").toAbsolutePath().getParent().resolve("exercises");

    @TestFactory
    @DisplayName("every exercise README has a points table row for each check, and the right total")
    Stream<DynamicTest> readmesMatchTheSuites() {
        Map<String, List<Method>> checks = ReflectionSupport
                .findAllClassesInPackage(GradingRun.SUITES, type -> type.isAnnotationPresent(GradedExercise.class), name -> true)
                .stream()
                .flatMap(suite -> Arrays.stream(suite.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Points.class))
                .collect(Collectors.groupingBy(method -> method.getDeclaringClass().getAnnotation(GradedExercise.class).value()));
        assertThat(checks).as("graded exercises").isNotEmpty();
        return checks.entrySet().stream().map(exercise -> DynamicTest.dynamicTest(exercise.getKey(), () -> {
            String readme = read(EXERCISES.resolve(exercise.getKey()).resolve("README.md"));
            int total = 0;
            for (Method check : exercise.getValue()) {
                int points = check.getAnnotation(Points.class).value();
                String name = check.getAnnotation(DisplayName.class).value();
                if (isHidden(check)) {
                    // A README is exported to students: it names no hidden check, nor counts its points.
                    assertThat(readme).as("README of %s, which students read", exercise.getKey()).doesNotContain(name);
                    continue;
                }
                total += points;
                assertThat(readme).as("README of %s", exercise.getKey()).contains("| " + name + " | " + points + " |");
            }
            assertThat(readme).as("README of %s", exercise.getKey()).containsPattern("Total: .*\\b" + total + " points");
            mavenFormFirst(readme, exercise.getKey(), "README of " + exercise.getKey());
        }));
    }

    @Test
    @DisplayName("the student repository's README shows mvn test -Dexercise before the bash-only ./grade")
    void studentReadmeShowsTheMavenFormFirst() throws IOException {
        Path home = EXERCISES.getParent();
        mavenFormFirst(read(home.resolve(".github/student-repo/README.md")), "echo", "the student README");
        mavenFormFirst(read(home.resolve("README.md")), "echo", "README.md");
    }

    /** Maven runs on every OS, ./grade needs bash: a student reads the Maven form first. */
    private static void mavenFormFirst(String readme, String exercise, String which) {
        String maven = "mvn test -Dexercise=" + exercise;
        String bash = "./grade . --exercise " + exercise;
        assertThat(readme).as(which).contains(maven, bash);
        assertThat(readme.indexOf(maven)).as("where %s shows %s, before %s", which, maven, bash)
                .isLessThan(readme.indexOf(bash));
    }

    private static boolean isHidden(Method check) {
        return check.isAnnotationPresent(Hidden.class) || check.getDeclaringClass().isAnnotationPresent(Hidden.class);
    }

    private static String read(Path file) throws IOException {
        assertThat(file).exists();
        return Files.readString(file);
    }
}
