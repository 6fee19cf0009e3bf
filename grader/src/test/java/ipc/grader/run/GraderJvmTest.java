package ipc.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.process.JavaLaunch;
import ipc.grader.settings.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GraderJvmTest {

    @Test
    @DisplayName("the command runs GradeCommand on this JDK and class path, with its home, time scale and own temp folder")
    void command() throws Exception {
        try (GraderJvm jvm = GraderJvm.create(Path.of("/course"))) {
            List<String> command = jvm.command(List.of("submission", "--quiet"));

            assertThat(command.get(0)).isEqualTo(JavaLaunch.javaExecutable().toString());
            assertThat(command).contains("-Dsockgrader.home=/course", "-Djava.io.tmpdir=" + jvm.tempFolder(),
                    System.getProperty("java.class.path"));
            assertThat(command).anyMatch(option -> option.startsWith("-D" + RunSettings.TIME_SCALE + "="));
            assertThat(command.subList(command.size() - 3, command.size()))
                    .containsExactly("ipc.grader.cli.GradeCommand", "submission", "--quiet");
        }
    }

    @Test
    @DisplayName("without a home, no home is passed on")
    void noHome() throws Exception {
        try (GraderJvm jvm = GraderJvm.create(null)) {
            assertThat(jvm.command(List.of())).noneMatch(option -> option.startsWith("-Dsockgrader.home"));
        }
    }

    @Test
    @DisplayName("closing deletes the temp folder and whatever the grading left in it")
    void closeDeletesTheTempFolder() throws Exception {
        Path folder;
        try (GraderJvm jvm = GraderJvm.create(null)) {
            folder = jvm.tempFolder();
            Files.writeString(Files.createDirectories(folder.resolve("left/behind")).resolve("file.txt"), "x");
        }

        assertThat(folder).doesNotExist();
    }
}
