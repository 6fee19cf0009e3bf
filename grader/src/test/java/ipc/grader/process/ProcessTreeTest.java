package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "starts sh and sleep")
class ProcessTreeTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    @DisplayName("a tree is ended whole: the root, its child and its grandchild")
    void endsTheWholeTree() throws Exception {
        Process root = new ProcessBuilder("sh", "-c", "sh -c 'sleep 60 & wait' & wait").start();
        try {
            awaitDescendants(root, 2);
            List<ProcessHandle> family = root.descendants().toList();
            assertThat(ProcessTree.destroy(root, 5_000)).isTrue();
            assertThat(root.isAlive()).isFalse();
            assertThat(family).noneMatch(ProcessTree::running);
        } finally {
            root.destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "zombies are told apart through /proc")
    @DisplayName("a zombie is not running, though the JDK still calls it alive")
    void aZombieIsNotRunning() throws Exception {
        // sh starts a child that exits at once, then becomes a sleep that never reaps it.
        Process root = new ProcessBuilder("sh", "-c", "sh -c 'exit 0' & exec sleep 60").start();
        try {
            awaitDescendants(root, 1);
            ProcessHandle zombie = root.descendants().findFirst().orElseThrow();
            await().atMost(SOON).until(() -> !ProcessTree.running(zombie));
            assertThat(zombie.isAlive()).as("the JDK's view of the zombie").isTrue();
            assertThat(ProcessTree.running(root.toHandle())).isTrue();
        } finally {
            ProcessTree.destroy(root, 5_000);
        }
    }

    private static void awaitDescendants(Process root, int count) {
        await().atMost(SOON)
                .until(() -> root.descendants().count() >= count);
    }
}
