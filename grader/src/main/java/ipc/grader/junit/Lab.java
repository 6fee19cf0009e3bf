package ipc.grader.junit;

import ipc.grader.fault.Cut;
import ipc.grader.fault.CuttingProxy;
import ipc.grader.fault.DatagramPlan;
import ipc.grader.fault.DatagramRelay;
import ipc.grader.fault.Direction;
import ipc.grader.net.ClientCrowd;
import ipc.grader.net.DatagramPeer;
import ipc.grader.net.GraderServer;
import ipc.grader.net.PortLease;
import ipc.grader.net.Ports;
import ipc.grader.net.ServerEndpoint;
import ipc.grader.net.TcpConnection;
import ipc.grader.probe.Probe;
import ipc.grader.probe.ProbeResults;
import ipc.grader.process.JavaLaunch;
import ipc.grader.process.ProgramArguments;
import ipc.grader.process.ProgramLaunch;
import ipc.grader.process.StartLine;
import ipc.grader.process.StudentProgram;
import ipc.grader.process.Wait;
import ipc.grader.process.WaitStrategy;
import ipc.grader.submission.Submission;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A graded test's bench: it starts the submission's programs, leases ports, opens connections, and
 * closes all of it when the test ends, pass or fail, so nothing outlives the test. Get one as a
 * test method parameter of a {@link GradedExercise} suite.
 *
 * <pre>{@code
 * @Test @Points(2) @DisplayName("echoes a short message unchanged")
 * void echoesAMessage(Lab lab) {
 *     StudentProgram server = lab.startServer("ipc.echo.EchoServer");
 *     TcpConnection client = lab.connect(server);
 *     client.send("hello\n");
 *     client.expect("hello\n");
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {

    private final Submission submission;
    private final LabInventory inventory;

    Lab(Submission submission) {
        this.submission = submission;
        this.inventory = new LabInventory(submission);
    }

    /**
     * Starts the server {@code mainClass} with a free port as its first argument, then
     * {@code extraArguments}, and waits until it listens.
     */
    public StudentProgram startServer(String mainClass, Object... extraArguments) {
        return startServer(submission.launch(mainClass), Ports::leaseTcp, Wait::forListeningPort, extraArguments);
    }

    /**
     * Starts the Unix domain socket server {@code mainClass} with {@code socketFile} as its argument,
     * under the file-creation mask {@code umask} (see {@link StudentProgram#underUmask}), and waits
     * until the socket file is there.
     */
    public StudentProgram startUnixServer(String mainClass, Path socketFile, String umask) {
        return inventory.start(StudentProgram.of(submission.launch(mainClass), ProgramArguments.of(socketFile.toString()))
                .underUmask(umask)
                .inDirectory(inventory.scratch())
                .waitingFor(Wait.forSocketFile(socketFile)));
    }

    /** Opens a connection to {@code server}'s Unix domain socket at {@code socketFile}. */
    public TcpConnection connect(StudentProgram server, Path socketFile) {
        int number = inventory.nextConnectionNumber();
        return inventory.track(TcpConnection.connect(socketFile, server.displayName(),
                "connection " + number + " to " + server.displayName() + " at " + socketFile.getFileName(),
                Deadline.in(Waits.STARTUP)));
    }

    /**
     * Starts the UDP server {@code mainClass} with a free port as its first argument, then
     * {@code extraArguments}, and waits until its socket is bound.
     */
    public StudentProgram startUdpServer(String mainClass, Object... extraArguments) {
        return startServer(submission.launch(mainClass), Ports::leaseUdp, Wait::forBoundUdpPort, extraArguments);
    }

    /**
     * As {@link #startServer(String, Object...)}, for a server whose threads a check counts: a Java
     * server's JVM starts all its own threads with itself (see {@link JavaLaunch#withSteadyJvmThreads()}),
     * so that the count changes only with the student's threads.
     */
    public StudentProgram startServerForThreadCount(String mainClass) {
        ProgramLaunch launch = submission.launch(mainClass);
        return startServer(launch instanceof JavaLaunch java ? java.withSteadyJvmThreads() : launch, Ports::leaseTcp,
                Wait::forListeningPort);
    }

    /**
     * Starts {@code launch} with a leased port as its first argument and waits until it is {@code ready}
     * on it; on a fresh lease when the port was found in use (see {@link FreshPortStart}).
     */
    private StudentProgram startServer(ProgramLaunch launch, Supplier<PortLease> leases, IntFunction<WaitStrategy> ready,
                                       Object... extraArguments) {
        return FreshPortStart.start(() -> inventory.track(leases.get()), lease -> inventory.start(
                StudentProgram.of(launch, ProgramArguments.forServer(lease.port(), extraArguments))
                        .inDirectory(inventory.scratch())
                        .waitingFor(ready.apply(lease.port()))));
    }

    /**
     * Starts {@code mainClass} with {@code arguments}, a program that is neither a server nor a
     * client (it talks through pipes, files or its stdin and stdout), in this lab's folder.
     */
    public StudentProgram start(String mainClass, Object... arguments) {
        return inventory.start(StudentProgram.of(submission.launch(mainClass), ProgramArguments.of(arguments))
                .inDirectory(inventory.scratch()));
    }

    /**
     * Starts {@code copies} copies of {@code mainClass} with {@code arguments}, each in its own JVM,
     * and lets them all go at once when every copy has started (see {@link StartLine}), so that they
     * run at the same time. A program given as a command template simply starts.
     */
    public List<StudentProgram> startTogether(int copies, String mainClass, Object... arguments) {
        ProgramLaunch launch = submission.launch(mainClass);
        if (!(launch instanceof JavaLaunch java)) {
            return java.util.stream.IntStream.range(0, copies).mapToObj(i -> start(mainClass, arguments)).toList();
        }
        JavaLaunch atTheLine = new JavaLaunch(List.of(java.classes(), JavaLaunch.codeSourceOf(StartLine.class)),
                StartLine.class.getName(), java.displayName());
        Object[] withMain = new Object[arguments.length + 1];
        withMain[0] = mainClass;
        System.arraycopy(arguments, 0, withMain, 1, arguments.length);
        List<StudentProgram> started = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            started.add(inventory.start(StudentProgram.of(atTheLine, ProgramArguments.of(withMain))
                    .inDirectory(inventory.scratch())));
        }
        Deadline deadline = Deadline.in(Waits.STARTUP);
        started.forEach(copy -> copy.awaitStdoutLine(StartLine.READY::equals, "that it is ready", deadline));
        started.forEach(copy -> copy.type("go\n"));
        return started;
    }

    /** The folder the lab's programs run in, deleted with the lab: a place for their files. */
    public Path folder() {
        return inventory.scratch();
    }

    /** Listens on a free port, for a student client to connect to. */
    public GraderServer listen() {
        return inventory.track(GraderServer.listen());
    }

    /**
     * Starts the client {@code mainClass} with {@code 127.0.0.1 <port of server>} and
     * {@code extraArguments}; {@code server} is the grader's, or a proxy or relay in front of it.
     */
    public StudentProgram startClient(String mainClass, ServerEndpoint server, Object... extraArguments) {
        StudentProgram client = StudentProgram.of(submission.launch(mainClass),
                        ProgramArguments.forClient("127.0.0.1", server.port(), extraArguments))
                .inDirectory(inventory.scratch());
        return inventory.start(client);
    }

    /** Opens a connection to a server started by this lab. */
    public TcpConnection connect(StudentProgram server) {
        return connect(server, 0);
    }

    /** As {@link #connect(StudentProgram)}, with a receive buffer of {@code receiveBuffer} bytes (0: the system's). */
    public TcpConnection connect(StudentProgram server, int receiveBuffer) {
        int number = inventory.nextConnectionNumber();
        return inventory.track(TcpConnection.connect(portOf(server), server.displayName(),
                "connection " + number + " to " + server.displayName(), receiveBuffer, Deadline.in(Waits.STARTUP)));
    }

    /**
     * A {@link CuttingProxy} in front of {@code server} that re-cuts what the grader sends it by
     * {@code requests}; connect through it with {@link #connect(CuttingProxy)}.
     */
    public CuttingProxy proxyTo(StudentProgram server, Cut requests) {
        return proxy(portOf(server), server.displayName(), requests, Cut.asSent());
    }

    /** Opens a connection through {@code proxy}; failure messages say how the proxy cuts, with any seed. */
    public TcpConnection connect(CuttingProxy proxy) {
        int number = inventory.nextConnectionNumber();
        return inventory.track(TcpConnection.connect(proxy.port(), proxy.targetName(),
                "connection " + number + " to " + proxy.targetName() + ", through " + proxy.describe(),
                Deadline.in(Waits.STARTUP)).pacedBy(proxy.pacing(Direction.REQUESTS)));
    }

    /**
     * A {@link CuttingProxy} in front of the grader's {@code server}, for a student client to connect
     * to: {@code responses} says how what the grader sends back is cut.
     */
    public CuttingProxy proxy(GraderServer server, Cut responses) {
        return proxy(server.port(), "the grader's server", Cut.asSent(), responses);
    }

    private CuttingProxy proxy(int port, String targetName, Cut requests, Cut responses) {
        return inventory.track(CuttingProxy.to(port, targetName).cuttingRequests(requests).cuttingResponses(responses)).start();
    }

    /**
     * Runs the unit-level scenarios of {@code probeMain} against the submission's library class
     * {@code libraryClass} in a JVM of their own; the run is shared by every check of the submission
     * that asks for it (see {@link Probe}).
     */
    public ProbeResults probe(Class<?> probeMain, String libraryClass, int scenarios) {
        return Probe.results(submission, probeMain, libraryClass, scenarios);
    }

    /**
     * Starts one of the grader's own programs ({@code mainClass}, with {@code arguments}) as a
     * process, such as a real HTTP client; it is stopped with the lab like a student program.
     */
    public StudentProgram startGraderTool(Class<?> mainClass, String displayName, Object... arguments) {
        StudentProgram tool = StudentProgram.of(new JavaLaunch(List.of(JavaLaunch.codeSourceOf(mainClass)),
                mainClass.getName(), displayName), ProgramArguments.of(arguments)).inDirectory(inventory.scratch());
        return inventory.start(tool);
    }

    /** A UDP socket on a free port, for the student client {@code clientName} to send to. */
    public DatagramPeer datagramServer(String clientName) {
        return inventory.track(DatagramPeer.server(clientName));
    }

    /** A UDP socket for the grader to send to the UDP server {@code server} from. */
    public DatagramPeer datagramClient(StudentProgram server, String label) {
        return inventory.track(DatagramPeer.client(server.displayName(), label));
    }

    /** A {@link DatagramRelay} in front of {@code target} that treats datagrams by {@code plan}. */
    public DatagramRelay relay(ServerEndpoint target, String targetName, DatagramPlan plan) {
        return inventory.track(DatagramRelay.to(target.port(), targetName).following(plan)).start();
    }

    /** Opens {@code size} connections to {@code server} at once, for concurrency checks. */
    public ClientCrowd connectCrowd(StudentProgram server, int size) {
        return inventory.track(ClientCrowd.connect(portOf(server), server.displayName(), size));
    }

    /** Every connection to a program this lab opened, oldest first, for failure reports. */
    List<TcpConnection> connections() {
        return inventory.connections();
    }

    /** Every program started in this lab, for failure reports. */
    List<StudentProgram> programs() {
        return inventory.programs();
    }

    private static int portOf(StudentProgram server) {
        Integer port = server.arguments().port();
        if (port == null) {
            throw new IllegalArgumentException(server + " was not started as a server");
        }
        return port;
    }

    /** Ends the programs first (their output is kept for the report), then everything else. */
    void stopPrograms() {
        programs().forEach(StudentProgram::close);
    }

    /** Closes everything this lab opened, newest first, and deletes its scratch folder. */
    @Override
    public void close() {
        inventory.close();
    }
}
