package ipc.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import ipc.grader.junit.GradedExercise;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExerciseCatalogTest {

    @Test
    @DisplayName("each exercise's programs live in the package named after its suites' (ipc.grader.suites.echo: ipc.echo)")
    void sourcePackagesMatchTheSuites() {
        List<JavaClass> suites = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ipc.grader.suites").stream()
                .filter(suite -> suite.isAnnotatedWith(GradedExercise.class)).toList();
        assertThat(suites).as("graded suites found").hasSizeGreaterThan(ExerciseCatalog.ids().size());
        SoftAssertions softly = new SoftAssertions();
        for (JavaClass suite : suites) {
            String exercise = suite.getAnnotationOfType(GradedExercise.class).value();
            String suitePackage = suite.getPackageName();
            softly.assertThat(ExerciseCatalog.sourcePackage(exercise)).as("package of %s's programs (%s)", exercise, suite.getSimpleName())
                    .isEqualTo("ipc." + suitePackage.substring(suitePackage.lastIndexOf('.') + 1));
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("every exercise has a package, and an unknown one is refused by name")
    void everyExerciseHasAPackage() {
        assertThat(ExerciseCatalog.ids()).allSatisfy(id -> assertThat(ExerciseCatalog.sourcePackage(id)).startsWith("ipc."));
        assertThatThrownBy(() -> ExerciseCatalog.sourcePackage("ecko")).hasMessageContaining("ecko");
    }
}
