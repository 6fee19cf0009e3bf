package ipc.grader.suites.pipe;

import ipc.grader.process.StudentProgram;
import java.util.List;
import java.util.stream.Collectors;

/** Finds a program's child process by what it runs, through the operating system's process table. */
final class ChildProcess {

    private ChildProcess() {
    }

    /** The direct child of {@code parent} whose command line runs {@code mainClass}; fails when there is none. */
    static ProcessHandle of(StudentProgram parent, String mainClass) {
        ProcessHandle self = ProcessHandle.of(parent.pid()).orElseThrow(() -> new AssertionError(
                parent.displayName() + " " + parent.exitSummary() + " while its child should still be running."));
        List<ProcessHandle> children = self.children().toList();
        return children.stream()
                .filter(child -> child.info().commandLine().orElse("").contains(mainClass))
                .findFirst()
                .orElseThrow(() -> new AssertionError(parent.displayName() + " (pid " + parent.pid()
                        + ") has no child process running " + mainClass + " while the child should be waiting for "
                        + "its answer. Its child processes: " + describe(children) + "."));
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.isEmpty() ? "none" : processes.stream()
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("(command unknown)"))
                .collect(Collectors.joining("; "));
    }
}
