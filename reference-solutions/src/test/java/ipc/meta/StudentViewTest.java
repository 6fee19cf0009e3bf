package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student's view of the repository, without the hidden reference solutions: it builds on its
 * own, and {@code mvn test} grades the skeletons and ends with the score summary.
 */
class StudentViewTest {

    @Test
    @DisplayName("without reference-solutions/, mvn test builds, grades the skeletons and ends with the score")
    void mvnTestEndsWithTheScore(@TempDir Path copy) throws Exception {
        for (String part : List.of("pom.xml", "grader", "student-skeletons", "exercises")) {
            copyTree(Repository.ROOT.resolve(part), copy.resolve(part));
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "test", "-Djacoco.skip=true"));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Path log = copy.resolve("mvn.log");
        Process maven = new ProcessBuilder(command).directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new AssertionError("mvn test in the student view did not finish in 10 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(maven.exitValue()).as("exit status of mvn test; output:%n%s", output).isZero();
        // Surefire reports each failed check as an [ERROR]; the score must come after the last of them.
        String afterSurefire = output.substring(Math.max(0, output.lastIndexOf("[ERROR]")));
        assertThat(afterSurefire).as("what mvn test prints after surefire's last error line")
                .contains("sockgrader: score")
                .containsPattern("TOTAL +0 / \\d+");
        assertThat(copy.resolve("student-skeletons/target/sockgrader/results.json")).isRegularFile();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.toString().startsWith("target") || relative.toString().contains("/target/")
                        || relative.toString().endsWith(".lock")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
