package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox, where this machine can make one (Linux with unprivileged user namespaces). */
class SandboxTest {

    @BeforeEach
    void needsASandbox() {
        assumeTrue(Sandbox.available(), () -> "no sandbox on this machine: " + Sandbox.availability());
    }

    @Test
    @DisplayName("inside, a program is the first process of its PID namespace and sees only loopback")
    void ownProcessesAndNetwork() throws Exception {
        String printed = runInside(Sandbox.around(List.of("/bin/sh", "-c", "echo pid=$$; ip -o link | wc -l")));

        assertThat(printed.lines()).containsExactly("pid=1", "1");
    }

    @Test
    @DisplayName("inside, hidden folders are empty, shown paths are there even within them, and the rest of the disk is not")
    void onlyWhatIsShown(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
        Files.writeString(home.resolve("public.txt"), "public\n");
        Path secret = Files.createDirectories(home.resolve("secret"));
        Files.writeString(secret.resolve("answer.txt"), "secret\n");
        Files.writeString(secret.resolve("allowed.txt"), "allowed\n");
        Files.writeString(elsewhere.resolve("other.txt"), "other\n");
        String script = "cat '" + home.resolve("public.txt") + "' '" + secret.resolve("allowed.txt") + "'; "
                + "test -e '" + secret.resolve("answer.txt") + "' && echo answer-visible || echo answer-hidden; "
                + "test -e '" + elsewhere.resolve("other.txt") + "' && echo other-visible || echo other-absent";

        String printed = runInside(Sandbox.around(List.of("/bin/sh", "-c", script)).within(home)
                .hiding(List.of(secret)).showing(List.of(secret.resolve("allowed.txt"))));

        assertThat(printed.lines()).containsExactly("public", "allowed", "answer-hidden", "other-absent");
    }

    @Test
    @DisplayName("a process that detached itself ends with the sandbox, though it left its parent's tree")
    void detachedProcessesEndWithIt() throws Exception {
        String marker = "sockgrader-sandbox-test-" + ProcessHandle.current().pid();
        runInside(Sandbox.around(List.of("/bin/sh", "-c", "(sleep 300; : " + marker + ") >/dev/null 2>&1 & echo detached")));

        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.allProcesses()
                .noneMatch(process -> process.info().commandLine().orElse("").contains(marker)));
    }

    /** Runs the sandbox's command to its end and returns what it printed; fails unless it exits with 0. */
    private static String runInside(Sandbox sandbox) throws IOException, InterruptedException {
        try (sandbox) {
            Path log = Files.createTempFile("sockgrader-sandbox-test-", ".log");
            try {
                Process process = sandbox.builder().redirectErrorStream(true).redirectOutput(log.toFile()).start();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the sandboxed command ended").isTrue();
                String printed = Files.readString(log);
                assertThat(process.exitValue()).as("exit status; it printed:%n%s", printed).isZero();
                return printed;
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }
}
