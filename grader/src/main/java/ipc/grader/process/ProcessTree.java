package ipc.grader.process;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Ends a process together with every process it started. The children are listed before the root
 * is killed, because once the root is gone its children are no longer its descendants. A root that
 * leads a process group of its own (every student program on Linux, see {@link ProcessLimits}) has
 * its whole group ended too: there a grandchild orphaned by a double fork, which left the tree, is
 * still found.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** Kills the tree and waits, within {@code timeoutMillis}, until every member has exited. */
    public static boolean destroy(Process root, long timeoutMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean leader = ProcessGroup.leads(root.pid());
        List<ProcessHandle> family = new ArrayList<>(root.descendants().toList());
        root.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        // A child may have forked between the listing and the kill: sweep the survivors' children too.
        for (ProcessHandle member : List.copyOf(family)) {
            member.descendants().forEach(grandchild -> {
                grandchild.destroyForcibly();
                family.add(grandchild);
            });
        }
        if (leader) {
            for (ProcessHandle member : ProcessGroup.membersOf(root.pid())) {
                member.destroyForcibly();
                family.add(member);
            }
        }
        try {
            if (!root.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return false;
            }
            // Killed members no one reaps stay zombies: ended, though still listed.
            await().atMost(Duration.ofNanos(Math.max(1, end - System.nanoTime()))).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> family.stream().allMatch(ProcessGroup::ended));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
