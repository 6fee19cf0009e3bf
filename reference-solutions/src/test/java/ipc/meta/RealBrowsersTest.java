package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ipc.grader.net.KernelSockets;
import ipc.grader.net.PortLease;
import ipc.grader.net.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reference HTTP server as real clients see it: curl, and a headless Chromium that renders the
 * page. These run in the project's own CI only (where .ci/run installs both); a student's grade never
 * depends on a browser. Without the tools the tests are skipped locally, and fail in CI.
 */
class RealBrowsersTest {

    private static final String PAGE_TEXT = "Grüße aus dem Socket";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private PortLease lease;
    private Process server;

    @BeforeEach
    void startTheReferenceServer() throws IOException {
        lease = Ports.leaseTcp();
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Repository.MODULE.resolve("target/classes").toString(), "ipc.http.BareHttpServer",
                String.valueOf(lease.port())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> KernelSockets.isListening(lease.port()) || !server.isAlive());
        assertThat(server.isAlive()).as("the reference server is running").isTrue();
    }

    @AfterEach
    void stopTheServer() throws InterruptedException {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        lease.close();
    }

    @Test
    @DisplayName("curl fetches the page: 200 OK, the UTF-8 text, and a Content-Length it agrees with")
    void curlFetchesThePage() throws Exception {
        requireTool("curl");
        String output = run(List.of("curl", "--silent", "--show-error", "--max-time", "20", "--include",
                "http://127.0.0.1:" + lease.port() + "/"));
        assertThat(output).startsWith("HTTP/1.1 200").contains(PAGE_TEXT).containsIgnoringCase("content-type: text/html");
    }

    @Test
    @DisplayName("headless Chromium renders the page with the non-ASCII text decoded right")
    void chromiumRendersThePage() throws Exception {
        String chromium = requireTool("chromium", "chromium-browser", "google-chrome");
        Path profile = Files.createTempDirectory("sockgrader-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--disable-gpu", "--no-sandbox",
                    "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--dump-dom",
                    "http://127.0.0.1:" + lease.port() + "/"));
            String dom = run(command);
            assertThat(dom).as("the DOM Chromium rendered").contains("<html").contains(PAGE_TEXT);
        } finally {
            MutantsAreCaughtTest.delete(profile);
        }
    }

    /** Runs {@code command} to its end (bounded) and returns its stdout. */
    private static String run(List<String> command) throws Exception {
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

    /** The first of {@code names} on PATH; skips the test without one, except in CI, where it fails. */
    private static String requireTool(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
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
}
