package ipc.grader.process;

import ipc.grader.platform.Platform;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a compiled main class in a fresh JVM: {@code java -cp <classes> <main class> <args>}. */
public final class JavaLaunch implements ProgramLaunch {

    /**
     * Start-up over peak speed (C1 only), no hsperfdata file left in /tmp, and a heap cap so a
     * runaway program cannot take the machine's memory. Running out of memory (of heap, or of
     * threads) ends the program at once rather than leaving it half alive until a deadline: no
     * exercise comes near the cap, so only a runaway program ever reaches it.
     *
     * <p>The JVM starts all its own threads with itself: the serial collector has no worker threads,
     * and the compiler threads are all there from the start instead of added under load. A count of
     * the program's threads through the operating system (selector-echo) then changes only with the
     * student's threads, on every system, even where threads have no names to tell them apart.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads", "-Dfile.encoding=UTF-8");

    private final List<Path> classpath;
    private final String mainClass;
    private final String displayName;

    public JavaLaunch(Path classes, String mainClass) {
        this(List.of(classes), mainClass, mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }

    /** A main class found on {@code classpath}, in that order, named {@code displayName} in messages. */
    public JavaLaunch(List<Path> classpath, String mainClass, String displayName) {
        this.classpath = List.copyOf(classpath);
        this.mainClass = mainClass;
        this.displayName = displayName;
    }

    @Override
    public List<String> command(ProgramArguments arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.addAll(JVM_OPTIONS);
        Platform.studentLineSeparator().ifPresent(ends -> command.add("-Dline.separator=" + ends));
        command.add(mainClass);
        command.addAll(arguments.inOrder());
        return command;
    }

    /** The {@code java} of the JDK running the grader: student programs and graders of its own use it too. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** The folder or jar {@code type} was loaded from, to put the grader's own classes on a classpath. */
    public static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    /** The first classpath entry: the submission's compiled classes. */
    public Path classes() {
        return classpath.get(0);
    }

    public String mainClass() {
        return mainClass;
    }
}
