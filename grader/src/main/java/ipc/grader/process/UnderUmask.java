package ipc.grader.process;

import ipc.grader.platform.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A program started under a given file-creation mask, by a shell that then becomes the program
 * (same pid). A server that must set its files' mode itself is started under a permissive mask,
 * so one that leaves the mode to the mask shows it on every run, whatever the grader's own mask.
 * Windows has no umask: there the program starts as it is.
 */
public final class UnderUmask implements ProgramLaunch {

    private final ProgramLaunch program;
    private final String mask;

    private UnderUmask(ProgramLaunch program, String mask) {
        this.program = program;
        this.mask = mask;
    }

    /** {@code program} under the mask {@code mask}, in octal ({@code "000"}). */
    public static ProgramLaunch of(ProgramLaunch program, String mask) {
        if (!mask.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("a umask is 3 or 4 octal digits, not '" + mask + "'");
        }
        return new UnderUmask(program, mask);
    }

    @Override
    public List<String> command(ProgramArguments arguments) {
        List<String> command = program.command(arguments);
        if (Platform.windows()) {
            return command;
        }
        List<String> masked = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + mask + " && exec \"$@\"", "sockgrader-umask"));
        masked.addAll(command);
        return masked;
    }

    @Override
    public String displayName() {
        return program.displayName();
    }

    @Override
    public Optional<Path> directory() {
        return program.directory();
    }
}
