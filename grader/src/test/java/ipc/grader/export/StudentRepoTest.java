package ipc.grader.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student repository written from this instructor repository, and the changes found in one. */
class StudentRepoTest {

    /** The instructor repository: the grader module's tests run in grader/. */
    private static final Path HOME = Path.of("").toAbsolutePath().getParent();

    @Test
    @DisplayName("the export holds the skeletons, the public suites, the READMEs and the workflow, and nothing hidden")
    void holdsWhatStudentsNeedAndNothingHidden() {
        Map<String, byte[]> files = StudentRepo.of(HOME).files();

        assertThat(files).containsKeys("pom.xml", "grade", "README.md", ".github/workflows/classroom.yml", ".mvn/jvm.config",
                "grader/pom.xml", "student-skeletons/pom.xml", "exercises/echo/README.md",
                "grader/src/main/java/ipc/grader/suites/echo/EchoServerTest.java",
                "student-skeletons/src/main/java/ipc/echo/EchoServer.java");
        assertThat(files.keySet()).noneMatch(path -> path.startsWith("reference-solutions/") || path.contains("mutant")
                || path.startsWith("grader/src/hidden/") || path.startsWith("grader/src/test/") || path.contains("/target/")
                || path.startsWith(".ci/") || path.startsWith("grader/bench/"));
        String pom = text(files.get("pom.xml"));
        assertThat(pom).doesNotContain("reference-solutions").doesNotContain(StudentRepo.INSTRUCTOR_ONLY);
        assertThat(text(files.get("grader/pom.xml"))).doesNotContain("src/hidden").doesNotContain("instructor-only");
        assertThat(text(files.get("README.md"))).contains("mvn test").doesNotContain("mutant");
    }

    @Test
    @DisplayName("a student repository exports as itself, so a clean copy of one is a grader")
    void exportOfTheExportIsTheSame(@TempDir Path temp) throws IOException {
        Path student = temp.resolve("student");
        StudentRepo.of(HOME).writeTo(student);

        Map<String, byte[]> again = StudentRepo.of(student).files();

        assertThat(again.keySet()).containsExactlyElementsOf(StudentRepo.of(HOME).files().keySet());
        assertThat(Files.isExecutable(student.resolve("grade"))).isTrue();
        assertThat(StudentRepo.of(HOME).changesIn(student)).isEmpty();
    }

    @Test
    @DisplayName("changes outside the sources are named: changed, deleted and added files; sources and line ends are not")
    void namesChangesOutsideTheSources(@TempDir Path temp) throws IOException {
        Path student = temp.resolve("student");
        StudentRepo.of(HOME).writeTo(student);
        Path suite = student.resolve("grader/src/main/java/ipc/grader/suites/echo/EchoServerTest.java");
        Files.writeString(suite, Files.readString(suite).replace("@Test", "@Test @org.junit.jupiter.api.Disabled"));
        Files.delete(student.resolve(".github/workflows/classroom.yml"));
        Files.writeString(student.resolve("results.json"), "{\"score\": 1000}");
        Files.writeString(student.resolve("student-skeletons/src/main/java/ipc/echo/EchoServer.java"), "class EchoServer {}");
        Files.writeString(student.resolve("student-skeletons/src/main/java/ipc/echo/Helper.java"), "class Helper {}");
        Path readme = student.resolve("exercises/echo/README.md");
        Files.writeString(readme, Files.readString(readme).replace("\n", "\r\n"));
        Files.createDirectories(student.resolve("student-skeletons/target/classes"));
        Files.writeString(student.resolve("student-skeletons/target/classes/x.txt"), "build output");

        assertThat(StudentRepo.of(HOME).changesIn(student)).containsExactly(
                ".github/workflows/classroom.yml (deleted)",
                "grader/src/main/java/ipc/grader/suites/echo/EchoServerTest.java",
                "results.json (added)");
    }

    @Test
    @DisplayName("a bare source folder has nothing else to compare")
    void bareSourcesHaveNoChanges() {
        assertThat(StudentRepo.of(HOME).changesIn(HOME.resolve("student-skeletons/src/main/java"))).isEmpty();
    }

    @Test
    @DisplayName("the export never writes over a folder that holds files")
    void refusesAFullFolder(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> StudentRepo.of(HOME).writeTo(temp)).hasMessageContaining("not an empty folder");
        assertThat(temp.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    @DisplayName("instructor-only parts of a pom are cut out, lines and all")
    void cutsInstructorParts() {
        String pom = "<a>\n  <!-- instructor-only -->\n  <secret/>\n  <!-- /instructor-only -->\n  <b/>\n</a>\n";

        assertThat(text(StudentRepo.withoutInstructorParts(pom.getBytes(StandardCharsets.UTF_8)))).isEqualTo("<a>\n  <b/>\n</a>\n");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
