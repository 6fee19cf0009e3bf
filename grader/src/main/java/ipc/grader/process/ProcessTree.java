package ipc.grader.process;

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
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            if (!root.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return false;
            }
            for (ProcessHandle member : family) {
                long left = end - System.nanoTime();
                if (left <= 0 && member.isAlive()) {
                    return false;
                }
                if (member.isAlive()) {
                    member.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return family.stream().noneMatch(ProcessHandle::isAlive);
        }
    }
}
