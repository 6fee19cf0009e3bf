package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ipc.grader.net.KernelSockets;
import ipc.grader.net.PortLease;
import ipc.grader.net.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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
        HostTools.require("curl");
        String output = HostTools.run(List.of("curl", "--silent", "--show-error", "--max-time", "20", "--include",
                "http://127.0.0.1:" + lease.port() + "/"));
        assertThat(output).startsWith("HTTP/1.1 200").contains(PAGE_TEXT).containsIgnoringCase("content-type: text/html");
    }

    @Test
    @DisplayName("headless Chromium renders the page with the non-ASCII text decoded right")
    void chromiumRendersThePage() throws Exception {
        String dom = HostTools.chromium("http://127.0.0.1:" + lease.port() + "/", "--dump-dom");
        assertThat(dom).as("the DOM Chromium rendered").contains("<html").contains(PAGE_TEXT);
    }
}
