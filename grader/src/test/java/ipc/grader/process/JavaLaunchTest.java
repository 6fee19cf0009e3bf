package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JavaLaunchTest {

    /** The instructors' benchmark, from the grader module's folder (where Maven runs its tests). */
    private static final Path BENCHMARK = Path.of("").toAbsolutePath().resolve("bench").resolve("benchmark.sh");

    @Test
    @DisplayName("the benchmark's floor starts its JVM with the options student programs get, so it times the same launch")
    void benchmarkFloorUsesTheStudentOptions() throws IOException {
        assertThat(Files.readString(BENCHMARK)).as("%s, the floor's java command", BENCHMARK)
                .contains("java " + String.join(" ", JavaLaunch.JVM_OPTIONS) + " ");
    }
}
