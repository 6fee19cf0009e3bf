package ipc.echo;

import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Hostile: starts processes of its own, one that stays its child and one that it orphans on
 * purpose (the shell that started it exits), then hangs up on every client.
 */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "sleep 3600; : sockgrader-hostile-child").start();
        new ProcessBuilder("/bin/sh", "-c", "(sleep 3600; : sockgrader-hostile-orphan) &").start().waitFor();
        System.out.println("grandchildren started");
        // Then hangs up on every client: each check fails at once, not at its start-up deadline.
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                server.accept().close();
            }
        }
    }
}
