package ipc.echo;

import java.net.InetAddress;
import java.net.ServerSocket;

/** Hostile: kills the process that started it (the grader), then hangs up on every client. */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        System.out.println("killing " + (parent == null ? "no parent: none in sight" : "my parent, pid " + parent.pid()));
        if (parent != null) {
            parent.destroyForcibly();
        }
        // Then hangs up on every client: each check fails at once, not at its start-up deadline.
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                server.accept().close();
            }
        }
    }
}
