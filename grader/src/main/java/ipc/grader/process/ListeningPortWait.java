package ipc.grader.process;

import ipc.grader.feedback.NeverListened;
import ipc.grader.feedback.PortInUse;
import ipc.grader.net.KernelSockets;
import ipc.grader.time.Deadline;
import ipc.grader.time.KernelPolling;
import ipc.grader.time.Poll;
import ipc.grader.time.Waits;
import java.util.List;
import java.util.Set;

/**
 * Ready once something listens on the program's port, read from the kernel's socket table: no
 * probe connection is made, so a server that serves exactly one client keeps it for the test.
 *
 * <p>Fails fast, without waiting out the deadline, when the program exits first, or when it keeps
 * listening on another port: the lecture's examples hard-code a port, and a server that ignores
 * its argument should hear so at once.
 */
final class ListeningPortWait implements WaitStrategy {

    private final int port;
    private final boolean udp;

    ListeningPortWait(int port, boolean udp) {
        this.port = port;
        this.udp = udp;
    }

    private boolean portTaken() {
        return udp ? KernelSockets.isBoundUdp(port) : KernelSockets.isListening(port);
    }

    /**
     * The port is taken, and by this program: a socket of another process on the port (a stray
     * server, another grader's probe) must not pass for the student's, or the first connection would
     * be refused. Off Linux, where sockets cannot be traced to processes, being taken has to do.
     */
    private boolean ready(Processes processes) {
        if (!KernelSockets.available()) {
            return portTaken();
        }
        // The program's own sockets first: a JVM still starting has none, and is answered without
        // reading the kernel's tables, the dear part of each look.
        List<Long> tree = processes.list();
        return udp ? KernelSockets.boundUdpPortsOf(tree).contains(port) : KernelSockets.isListeningBy(port, tree);
    }

    private String verb() {
        return udp ? "bind a UDP socket to" : "listen on";
    }

    @Override
    public void waitUntilReady(StudentProgram program) {
        Deadline deadline = Deadline.in(Waits.STARTUP);
        WrongPort wrongPort = new WrongPort();
        Processes processes = new Processes(program);
        if (Poll.named(program.displayName() + " to " + verb()).every(KernelPolling.schedule())
                .until(deadline, () -> ready(processes) || exitedBeforeListening(program, processes)
                        || !udp && wrongPort.persists(program, processes))
                == Poll.Outcome.TIMED_OUT) {
            throw NeverListened.failure(program.displayName(), verb() + " 127.0.0.1:" + port, deadline.describe(),
                    portTaken() ? "the kernel shows the port held by another process: " + KernelSockets.describe(port) : "",
                    udp ? "a UDP server binds a DatagramSocket to 127.0.0.1 on the port given as its first argument."
                            : "a server binds 127.0.0.1 on the port given as its first argument, then calls accept().");
        }
    }

    private boolean exitedBeforeListening(StudentProgram program, Processes processes) {
        if (program.isAlive() || ready(processes)) {
            return false;
        }
        String when = "before it " + (udp ? "bound a UDP socket to" : "listened on") + " 127.0.0.1:" + port + ".";
        String hint = "a server binds 127.0.0.1 on the port given as its first argument and keeps running while it serves.";
        // A port the grader leased as free, yet in use: a kind of its own, which the lab answers with
        // another port, and what the kernel shows, so that a collision is never blamed on the student.
        if (program.stderr().contains("Address already in use")) {
            throw PortInUse.failure(program.displayName(), program.exitSummary(), when, port, KernelSockets.describe(port), hint);
        }
        throw program.exitedEarly(when + "\nHint: " + hint);
    }

    /**
     * Listening elsewhere, and not on the port given, for a little while: a moment's grace lets a
     * program that opens another socket first still bind its own port.
     */
    private final class WrongPort {
        /** Listing a program's sockets walks /proc: a few times a second is enough, not every poll. */
        private final Every checks = new Every(100_000_000);
        private Deadline grace;

        boolean persists(StudentProgram program, Processes processes) {
            if (!checks.due()) {
                return false;
            }
            Set<Integer> elsewhere = KernelSockets.listeningPortsOf(processes.list());
            if (elsewhere.isEmpty() || elsewhere.contains(port)) {
                grace = null;
                return false;
            }
            if (grace == null) {
                grace = Deadline.in(Waits.AFTERMATH);
            }
            if (!grace.hasExpired() || KernelSockets.isListening(port)) {
                return false;
            }
            throw new AssertionError(program.displayName() + " listens on port " + join(elsewhere)
                    + ", not on the port it was given, " + port + ".\n"
                    + "Hint: do not hard-code the port: read it from the first argument, Integer.parseInt(args[0]).");
        }

        private String join(Set<Integer> ports) {
            return ports.stream().map(String::valueOf).reduce((a, b) -> a + " and " + b).orElse("");
        }
    }

    /**
     * The program's process and those it started, as last listed. Listing them reads the stat file of
     * every process of the machine (about a millisecond of CPU with 75 processes), and at every poll of
     * a JVM's start-up that made most of a grading's listings; so the list is taken again only every
     * 100 ms. The program's own process is always in it: a server that listens itself, as almost all
     * do, is seen at the next poll, and one whose child listens (a shell's, say) within 100 ms of the
     * child's start.
     */
    private static final class Processes {
        private final StudentProgram program;
        private final Every listings = new Every(100_000_000);
        private List<Long> listed;

        Processes(StudentProgram program) {
            this.program = program;
        }

        List<Long> list() {
            if (listings.due()) {
                listed = program.processTree();
            }
            return listed;
        }
    }

    /** Due at the first asking, then again once {@code periodNanos} have passed since it was last due. */
    private static final class Every {
        private final long periodNanos;
        private long next = System.nanoTime();

        Every(long periodNanos) {
            this.periodNanos = periodNanos;
        }

        boolean due() {
            long now = System.nanoTime();
            if (now - next < 0) {
                return false;
            }
            next = now + periodNanos;
            return true;
        }
    }
}
