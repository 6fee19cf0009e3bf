package ipc.grader.suites;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Points;
import ipc.grader.run.GradingRun;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Gradescope and GitHub Classroom list a check as "exercise: name" and nothing more, so two checks
 * of one exercise with one name read as a single check listed twice.
 */
class CheckNamesTest {

    @Test
    @DisplayName("every graded check has a name of its own within its exercise, hidden checks included")
    void checkNamesAreUniquePerExercise() {
        List<Method> checks = ReflectionSupport
                .findAllClassesInPackage(GradingRun.SUITES, type -> type.isAnnotationPresent(GradedExercise.class), name -> true)
                .stream()
                .flatMap(suite -> Arrays.stream(suite.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Points.class))
                .toList();
        assertThat(checks).as("graded checks").hasSizeGreaterThan(100);
        assertThat(checks).as("graded checks without a @DisplayName")
                .allMatch(check -> check.isAnnotationPresent(DisplayName.class));

        Map<String, List<String>> byName = checks.stream().collect(Collectors.groupingBy(
                check -> check.getDeclaringClass().getAnnotation(GradedExercise.class).value() + ": "
                        + check.getAnnotation(DisplayName.class).value(),
                Collectors.mapping(check -> check.getDeclaringClass().getSimpleName() + "." + check.getName(), Collectors.toList())));
        assertThat(byName.entrySet().stream().filter(name -> name.getValue().size() > 1)
                .map(name -> name.getKey() + " <- " + name.getValue()))
                .as("check names shared by two checks of one exercise (rename one in its @DisplayName and README)")
                .isEmpty();
    }
}
