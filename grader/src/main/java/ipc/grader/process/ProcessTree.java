package ipc.grader.process;

import ipc.grader.platform.Platform;
import ipc.grader.time.Deadline;
import ipc.grader.time.KernelPolling;
import ipc.grader.time.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process together with every process it started. The children are listed before the root
 * is killed, because once the root is gone its children are no longer its descendants.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Kills the tree and waits, within {@code timeoutMillis}, until every member has exited. The
     * root's pipes stay open: its readers take what is left in them and close them.
     */
    public static boolean destroy(Process root, long timeoutMillis) {
        List<ProcessHandle> family = new ArrayList<>(root.descendants().toList());
        // Through the handle: Process.destroyForcibly would also close the pipes, and whoever still reads
        // them (behind an exit a moment ago) would lose the last of the output.
        root.toHandle().destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        // A child may have forked between the listing and the kill: sweep the survivors' children too.
        for (ProcessHandle member : List.copyOf(family)) {
            member.descendants().forEach(grandchild -> {
                grandchild.destroyForcibly();
                family.add(grandchild);
            });
        }
        Deadline deadline = Deadline.in(Duration.ofMillis(timeoutMillis));
        try {
            if (!root.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        // The root is the grader's child, reaped at once. Its descendants are not: killed, each stays a
        // zombie until whoever adopts it reaps it (PID 1 of a container took 1.4 to 2.3 s here), and the
        // JDK's onExit looks at a process that is not its child only every 300 ms or more.
        return Poll.named("the processes started by " + root.pid() + " to end").every(KernelPolling.schedule())
                .until(deadline, () -> family.stream().noneMatch(ProcessTree::running)).met();
    }

    /**
     * Alive and not a zombie: a process that has exited but is not yet reaped runs no more and holds no
     * file. Only Linux tells zombies apart ({@code /proc/<pid>/stat}); elsewhere an orphan is reaped
     * at once by launchd, and Windows has none.
     */
    static boolean running(ProcessHandle member) {
        return member.isAlive() && !(Platform.procFileSystem() && zombie(member.pid()));
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')'); // the command, in parentheses, may hold spaces and parentheses
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false; // gone
        }
    }
}
