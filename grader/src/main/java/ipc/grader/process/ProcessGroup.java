package ipc.grader.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Process groups and process states, read from Linux's {@code /proc}. A student program is started
 * as the leader of a group of its own ({@link ProcessLimits}); every process it starts stays in that
 * group, even one it orphans by a double fork, which leaves its process tree. So ending the group
 * ends what the tree misses. Without {@code /proc} (macOS), nothing leads a group here.
 */
final class ProcessGroup {

    private static final Path PROC = Path.of("/proc");

    private ProcessGroup() {
    }

    /** Whether {@code pid} runs and leads its own process group. */
    static boolean leads(long pid) {
        return groupOf(pid).orElse(-1) == pid;
    }

    /** The running processes of the group {@code leader} leads, but the leader itself. */
    static List<ProcessHandle> membersOf(long leader) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != leader && groupOf(process.pid()).orElse(-1) == leader)
                .toList();
    }

    /** Gone, or a zombie: killed, and no longer able to do anything, though no one reaped it yet. */
    static boolean ended(ProcessHandle process) {
        if (!Files.isDirectory(PROC)) {
            return !process.isAlive();
        }
        return stat(process.pid()).map(fields -> fields[0].equals("Z")).orElse(true);
    }

    private static OptionalLong groupOf(long pid) {
        return stat(pid).map(fields -> OptionalLong.of(Long.parseLong(fields[2]))).orElse(OptionalLong.empty());
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name: state, parent, group, ... */
    private static Optional<String[]> stat(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(String.valueOf(pid)).resolve("stat"));
            // The command name, in parentheses, may hold spaces and parentheses of its own.
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
