package ipc.grader.suites.pipe;

import ipc.grader.platform.Platform;
import ipc.grader.process.StudentProgram;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds a program's child process through the operating system's process table. Where the JDK
 * tells another process's command line (Linux, macOS), the child is the one that runs the main
 * class. Windows does not tell it ({@code ProcessHandle.Info.commandLine()} is empty there), so
 * the child is found by pid and parent pid instead: the direct child whose pid is the one the
 * child printed of itself, and whose executable, where the system tells it, is a {@code java}.
 */
final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * The direct child of {@code parent} that runs {@code mainClass}, or, where command lines are
     * unknown, the direct child whose pid is {@code claimedPid}; fails when there is none.
     */
    static ProcessHandle of(StudentProgram parent, String mainClass, long claimedPid) {
        ProcessHandle self = ProcessHandle.of(parent.pid())
                .orElseThrow(() -> parent.exitedEarly("while its child should still be running."));
        List<ProcessHandle> children = self.children().toList();
        boolean byCommandLine = Platform.processCommandLines();
        return children.stream()
                .filter(child -> byCommandLine ? child.info().commandLine().orElse("").contains(mainClass)
                        : child.pid() == claimedPid && runsJava(child))
                .findFirst()
                .orElseThrow(() -> new AssertionError(parent.displayName() + " (pid " + parent.pid()
                        + ") has no child process " + (byCommandLine ? "running " + mainClass
                        : "with pid " + claimedPid + " running java, the pid its greeting names,")
                        + " while the child should be waiting for its answer. Its child processes: "
                        + describe(children) + "."));
    }

    /** A java executable, or one the system does not name (then the pid alone has to do). */
    private static boolean runsJava(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("java"))
                .orElse(true);
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.isEmpty() ? "none" : processes.stream()
                .map(process -> process.pid() + " " + process.info().commandLine()
                        .or(() -> process.info().command()).orElse("(command unknown)"))
                .collect(Collectors.joining("; "));
    }
}
