package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.submission.FolderTree;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs of the machine that some meta-tests drive (curl, a headless Chromium). {@code .ci/run}
 * installs them; without them a test is skipped locally and fails in CI.
 */
final class HostTools {

    static final Duration LIMIT = Duration.ofSeconds(60);

    private HostTools() {
    }

    /** The first of {@code names} on PATH; skips the test without one, except in CI, where it fails. */
    static String require(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Path.of(dir, name).toFile().canExecute()) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        String missing = String.join(" or ", names) + " is not installed";
        if (System.getenv("CI") != null) {
            throw new AssertionError(missing + ": .ci/run installs it before the build");
        }
        Assumptions.abort(missing + "; the project's CI runs this test");
        return null;
    }

    /** Runs {@code command} to its end (bounded) and returns its stdout. */
    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Headless Chromium with a throw-away profile, given {@code arguments} and then {@code url}; returns its stdout. */
    static String chromium(String url, String... arguments) throws Exception {
        String chromium = require("chromium", "chromium-browser", "google-chrome");
        Path profile = Files.createTempDirectory("sockgrader-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--disable-gpu", "--no-sandbox",
                    "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
            command.addAll(List.of(arguments));
            command.add(url);
            return run(command);
        } finally {
            FolderTree.delete(profile);
        }
    }

    /** Runs to the end (or kills it at the deadline) and returns what it printed; fails on a non-zero exit. */
    static String runToEnd(ProcessBuilder builder, int seconds) throws Exception {
        Path log = Files.createTempFile("sockgrader-export", ".log");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(builder.command() + " did not finish in " + seconds + " s:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertThat(process.exitValue()).as("exit status of %s; output:%n%s", builder.command(), output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
