package ipc.grader.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a compiled main class in a fresh JVM: {@code java -cp <classes> <main class> <args>}. */
public final class JavaLaunch implements ProgramLaunch {

    /**
     * Start-up over peak speed (C1 only), no hsperfdata file left in /tmp, and a heap cap so a
     * runaway program cannot take the machine's memory.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx256m", "-Dfile.encoding=UTF-8");

    private final Path classes;
    private final String mainClass;

    public JavaLaunch(Path classes, String mainClass) {
        this.classes = classes;
        this.mainClass = mainClass;
    }

    @Override
    public List<String> command(ProgramArguments arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classes.toString());
        command.addAll(JVM_OPTIONS);
        command.add(mainClass);
        command.addAll(arguments.inOrder());
        return command;
    }

    @Override
    public String displayName() {
        return mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    public String mainClass() {
        return mainClass;
    }
}
