package ipc.grader.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The grader's packages in layers, top first: a package may use the packages of its own layer and
 * of the layers below, never one above, and no two packages use each other.
 */
class LayersTest {

    /** Each layer's packages under {@code ipc.grader}, from the command line down to the plain helpers. */
    static final List<List<String>> LAYERS = List.of(
            List.of("cli"),                          // the command line
            List.of("batch", "export"),              // a class of submissions; the student repository
            List.of("run", "report"),                // one grading run, and what it writes
            List.of("suites"),                       // the graded checks
            List.of("score"),                        // checks' outcomes, collected from JUnit
            List.of("junit"),                        // the annotations and the extension the suites use
            List.of("probe", "fault", "http"),       // drivers: in-JVM probes, the cutting proxy, HTTP
            List.of("submission"),                   // a submission's sources and how to launch them
            List.of("process"),                      // student programs as processes
            List.of("net"),                          // the grader's own sockets
            List.of("time", "feedback", "platform", "home", "settings")); // deadlines, text for students, the OS, the repository, a run's settings

    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ipc.grader");

    @Test
    @DisplayName("no package of the grader uses a package of a layer above its own")
    void noImportRunsBackUp() {
        for (int layer = 1; layer < LAYERS.size(); layer++) {
            String[] below = packages(LAYERS.get(layer));
            String[] above = packages(LAYERS.subList(0, layer).stream().flatMap(List::stream).toList());
            noClasses().that().resideInAnyPackage(below).should().dependOnClassesThat().resideInAnyPackage(above)
                    .because("layer " + LAYERS.get(layer) + " lies below " + LAYERS.subList(0, layer))
                    .check(GRADER);
        }
    }

    @Test
    @DisplayName("no two packages of the grader use each other, even through others")
    void noCycles() {
        slices().matching("ipc.grader.(*)..").should().beFreeOfCycles().check(GRADER);
    }

    @Test
    @DisplayName("every package of the grader has its layer")
    void everyPackageHasALayer() {
        List<String> known = LAYERS.stream().flatMap(List::stream).toList();
        noClasses().that().resideInAPackage("ipc.grader..").and().resideOutsideOfPackages(packages(known))
                .should().bePublic().orShould().notBePublic()
                .because("a package that is in no layer escapes the rule above: add it to LAYERS")
                .allowEmptyShould(true)
                .check(GRADER);
    }

    @Test
    @DisplayName("only the entry points read system properties: the command line, and JUnit's for Maven runs")
    void settingsComeFromTheEntryPoints() {
        noClasses().that().resideOutsideOfPackages("ipc.grader.cli..")
                .and().doNotHaveFullyQualifiedName("ipc.grader.settings.RunSettings") // fromSystemProperties, for cli
                .and().doNotHaveFullyQualifiedName("ipc.grader.run.ExerciseFilter")   // a ServiceLoader filter: no JUnit configuration
                .and().doNotHaveFullyQualifiedName("ipc.grader.platform.Platform")    // os.name: a fact of the JVM, not a setting
                .and().doNotHaveFullyQualifiedName("ipc.grader.process.Sandbox")      // java.home, java.class.path, os.name
                .and().doNotHaveFullyQualifiedName("ipc.grader.process.JavaLaunch")   // java.home
                .and().doNotHaveFullyQualifiedName("ipc.grader.process.ProcessLimits") // os.name
                .and().doNotHaveFullyQualifiedName("ipc.grader.run.GraderJvm")        // java.class.path
                .and().doNotHaveFullyQualifiedName("ipc.grader.batch.BatchRun")       // java.class.path
                .and().doNotHaveFullyQualifiedName("ipc.grader.submission.ShortTempFolder") // java.io.tmpdir
                .should().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(Long.class, "getLong", String.class)
                .orShould().callMethod(Long.class, "getLong", String.class, long.class)
                .orShould().callMethod(Integer.class, "getInteger", String.class)
                .orShould().callMethod(Boolean.class, "getBoolean", String.class)
                .because("a run's settings are read once where the run starts and handed down as RunSettings")
                .check(GRADER);
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(name -> "ipc.grader." + name + "..").toArray(String[]::new);
    }
}
