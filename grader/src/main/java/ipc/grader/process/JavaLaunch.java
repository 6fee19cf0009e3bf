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
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8");

    /**
     * For a program whose threads are counted ({@link #withSteadyJvmThreads()}): the JVM starts all its
     * own threads with itself. The serial collector has no worker threads, and the compiler threads are
     * all there from the start instead of added under load (measured: 18 threads with G1, and with the
     * serial collector a second compiler thread a moment after start-up; 14 from the start with both
     * options). A count through the operating system then changes only with the student's threads, on
     * every system, even where threads have no names to tell them apart. Only for such a program: the
     * options change how fast a JVM gets going, and other checks' races were measured without them.
     */
    static final List<String> STEADY_JVM_THREADS = List.of("-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads");

    private final List<Path> classpath;
    private final String mainClass;
    private final String displayName;
    private final List<String> extraOptions;

    public JavaLaunch(Path classes, String mainClass) {
        this(List.of(classes), mainClass, mainClass.substring(mainClass.lastIndexOf('.') + 1));
    }

    /** A main class found on {@code classpath}, in that order, named {@code displayName} in messages. */
    public JavaLaunch(List<Path> classpath, String mainClass, String displayName) {
        this(classpath, mainClass, displayName, List.of());
    }

    private JavaLaunch(List<Path> classpath, String mainClass, String displayName, List<String> extraOptions) {
        this.classpath = List.copyOf(classpath);
        this.mainClass = mainClass;
        this.displayName = displayName;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** The same program, in a JVM that starts every thread of its own with itself (see {@link #STEADY_JVM_THREADS}). */
    public JavaLaunch withSteadyJvmThreads() {
        return new JavaLaunch(classpath, mainClass, displayName, STEADY_JVM_THREADS);
    }

    @Override
    public List<String> command(ProgramArguments arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.addAll(JVM_OPTIONS);
        command.addAll(extraOptions);
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
