package ipc.grader.process;

/** The wait strategies a graded test needs. */
public final class Wait {

    private Wait() {
    }

    /** Ready at once: for clients, whose readiness shows as a connection to the grader. */
    public static WaitStrategy none() {
        return program -> { };
    }

    /**
     * Ready once something listens on {@code port}; fails fast if the program exits first or
     * listens on another port instead (see {@link ListeningPortWait}).
     */
    public static WaitStrategy forListeningPort(int port) {
        return new ListeningPortWait(port, false);
    }

    /** Ready once a UDP socket is bound to {@code port}; fails fast if the program exits first. */
    public static WaitStrategy forBoundUdpPort(int port) {
        return new ListeningPortWait(port, true);
    }

    /** Ready once a Unix domain socket file is at {@code path}; fails fast if the program exits first. */
    public static WaitStrategy forSocketFile(java.nio.file.Path path) {
        return new SocketFileWait(path);
    }
}
