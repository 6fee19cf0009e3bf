package ipc.grader.process;

import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A whole grading run (the grader JVM and every student process it starts) inside Linux namespaces
 * of its own, made by {@code unshare} from util-linux without root: a user namespace (so no
 * privilege is needed), a network namespace with only loopback, a PID namespace whose first process
 * is the grader, and a mount namespace whose root holds only the system folders, the JDK, the
 * grader's classpath, the grader's home without its instructor-only folders, and the folders
 * shown: the submission, the reports' folder, a temp folder.
 *
 * <p>What that buys: a student process can reach no network but the grading's own loopback, so it
 * cannot squat another grading's ports or call out; it cannot kill the grader (the first process of
 * a PID namespace ignores signals from inside it); every process it starts, even one that detached
 * itself, dies with the grader; and whatever is not shown (the reference, the mutants, the hidden
 * tests, other students' reports) is not there to read or rewrite. SECURITY.md says what it does not
 * do. Only where the kernel allows unprivileged user namespaces and {@code unshare}, {@code ip} and
 * {@code chroot} exist; {@link #availability()} says whether, and why not.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.around(command).showing(List.of(submission, out, tmp))) {
 *     Process grader = sandbox.builder().inheritIO().start();
 *     ...
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    /** Set in the sandboxed grader's environment, so it does not try to enter a sandbox again. */
    public static final String INSIDE = "SOCKGRADER_SANDBOXED";

    private static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
            "/etc", "/dev");

    /**
     * Brings loopback up, builds a root in an empty tmpfs out of bind mounts of the base (a
     * symbolic link is copied as a link; a path already inside a shown folder is not mounted
     * twice), covers the hidden folders with empty ones, shows the shown paths even inside those,
     * and runs the command there: it is then the PID namespace's first process.
     */
    private static final String SCRIPT = """
            set -e
            ip link set lo up
            root="$SOCKGRADER_ROOT"
            mount -t tmpfs -o mode=0755 sockgrader-root "$root"
            show() {
              [ -e "$1" ] || [ -L "$1" ] || return 0
              [ -e "$root$1" ] || [ -L "$root$1" ] && return 0
              mkdir -p "$root$(dirname "$1")"
              if [ -L "$1" ]; then ln -s "$(readlink "$1")" "$root$1"; return 0; fi
              if [ -d "$1" ]; then mkdir "$root$1"; else : > "$root$1"; fi
              mount --rbind "$1" "$root$1"
            }
            reveal() {
              [ -e "$1" ] || return 0
              mkdir -p "$root$(dirname "$1")"
              if [ -d "$1" ]; then mkdir -p "$root$1"; elif [ ! -e "$root$1" ]; then : > "$root$1"; fi
              mount --rbind "$1" "$root$1"
            }
            printf '%s\\n' "$SOCKGRADER_BASE" | while IFS= read -r path; do [ -z "$path" ] || show "$path"; done
            printf '%s\\n' "$SOCKGRADER_HIDE" | while IFS= read -r path; do
              if [ -n "$path" ] && [ -d "$root$path" ]; then mount -t tmpfs -o size=1m sockgrader-hidden "$root$path"; fi
            done
            printf '%s\\n' "$SOCKGRADER_SHOW" | while IFS= read -r path; do [ -z "$path" ] || reveal "$path"; done
            mkdir -p "$root/proc" "$root/tmp"
            chmod 1777 "$root/tmp"
            mount -t proc proc "$root/proc"
            exec chroot "$root" /bin/sh -c 'cd / && exec "$@"' sockgrader-sandbox "$@"
            """;

    private static final List<String> UNSHARE = List.of("unshare", "--user", "--map-root-user", "--net", "--pid",
            "--fork", "--kill-child", "--mount-proc", "--", "/bin/sh", "-c", SCRIPT, "sockgrader-sandbox");

    private static volatile String availability;

    private final List<String> command;
    private final Set<Path> base = new LinkedHashSet<>();
    private final Set<Path> shown = new LinkedHashSet<>();
    private final Set<Path> hidden = new LinkedHashSet<>();
    private Path root;

    private Sandbox(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** A sandbox for {@code command}, whose first word is run by its absolute path. */
    public static Sandbox around(List<String> command) {
        return new Sandbox(command);
    }

    /**
     * A folder visible inside, at the same path, as the system folders are: hidden folders inside
     * it are covered (the grader's home, whose public parts the grader reads).
     */
    public Sandbox within(Path folder) {
        base.add(folder.toAbsolutePath().normalize());
        return this;
    }

    /**
     * Folders or files visible inside, read-write, at the same paths, even inside hidden folders;
     * missing ones are skipped.
     */
    public Sandbox showing(Collection<Path> paths) {
        paths.forEach(path -> shown.add(path.toAbsolutePath().normalize()));
        return this;
    }

    /** Folders that are covered by empty ones, wherever the base shows them. */
    public Sandbox hiding(Collection<Path> folders) {
        folders.forEach(folder -> hidden.add(folder.toAbsolutePath().normalize()));
        return this;
    }

    /**
     * The process builder: the system folders, the JDK and this JVM's classpath are shown besides
     * what {@link #showing} added. Makes the empty folder the root is mounted on; {@link #close()}
     * removes it once the process has ended.
     */
    public ProcessBuilder builder() throws IOException {
        root = Files.createTempDirectory("sockgrader-sandbox-");
        Set<String> system = new LinkedHashSet<>(SYSTEM);
        system.add(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize().toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                system.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        base.forEach(path -> system.add(path.toString()));
        List<String> wrapped = new ArrayList<>(UNSHARE);
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped);
        Map<String, String> environment = builder.environment();
        environment.put(INSIDE, "1");
        environment.put("SOCKGRADER_ROOT", root.toString());
        environment.put("SOCKGRADER_BASE", String.join("\n", system));
        environment.put("SOCKGRADER_SHOW", shown.stream().map(Path::toString).collect(Collectors.joining("\n")));
        // A folder holding the grader's home (or another base folder) is never covered: that would hide it all.
        environment.put("SOCKGRADER_HIDE", hidden.stream().filter(folder -> base.stream().noneMatch(kept -> kept.startsWith(folder)))
                .map(Path::toString).collect(Collectors.joining("\n")));
        return builder;
    }

    /** Removes the root's mount point (empty outside the sandbox); call once the process has ended. */
    @Override
    public void close() throws IOException {
        if (root != null) {
            Files.deleteIfExists(root);
        }
    }

    /**
     * Inside a sandbox, kills every process but this one, and waits (at most 5 s) until each has
     * ended or is a zombie: so nothing a student started, even detached from its parent, can
     * rewrite the reports this grader writes next. Outside a sandbox, does nothing.
     */
    public static void endEveryOtherProcess() {
        if (!inside()) {
            return;
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> others = ProcessHandle.allProcesses().filter(process -> process.pid() != self).toList();
        others.forEach(ProcessHandle::destroyForcibly);
        // Not waited for past the deadline: the caller's own checks report it, and the namespace ends with this process.
        Poll.named("the sandbox's other processes to end").every(Duration.ofMillis(10))
                .until(Deadline.in(Duration.ofSeconds(5)), () -> others.stream().allMatch(Sandbox::ended));
    }

    /** Gone, or a zombie: killed, and no longer able to do anything. */
    private static boolean ended(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    /** Whether this process already runs in a sandbox. */
    public static boolean inside() {
        return System.getenv(INSIDE) != null;
    }

    /** Empty when a sandbox can be made here, or why not ("unshare: Operation not permitted"). */
    public static String availability() {
        String known = availability;
        if (known == null) {
            known = probe();
            availability = known;
        }
        return known;
    }

    public static boolean available() {
        return availability().isEmpty();
    }


    private static String probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "sandboxes need Linux namespaces";
        }
        try (Sandbox sandbox = Sandbox.around(List.of("/bin/true"))) {
            Path log = Files.createTempFile("sockgrader-sandbox-", ".log");
            try {
                Process probe = sandbox.builder().redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                    ProcessTree.destroy(probe, 5_000);
                    return "unshare did not finish within 10 s";
                }
                if (probe.exitValue() != 0) {
                    String said = Files.readString(log).strip();
                    return said.isEmpty() ? "unshare ended with status " + probe.exitValue() : said.lines().reduce((a, b) -> b).orElse("");
                }
                return "";
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return "cannot run unshare: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing for unshare";
        }
    }
}
