package ipc.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hostile: burns a core for ever and never listens on its port, in the first four launches of a
 * grading (as many checks as the grader runs at once on two cores: each holds a spinner until its
 * start-up deadline). Later launches hang up on every client, so their checks fail at once instead of
 * waiting out two more rounds of the same deadline, which would show nothing the first round did not.
 */
public final class EchoServer {
    public static volatile long spins;

    public static void main(String[] args) throws Exception {
        if (amongTheFirstFour()) {
            while (true) {
                spins++;
            }
        }
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                server.accept().close();
            }
        }
    }

    /**
     * Takes one of four marks in the folder of its own classes, which every launch of the grading
     * shares. Where no mark can be written, every launch attacks.
     */
    private static boolean amongTheFirstFour() {
        Path classes;
        try {
            classes = Path.of(EchoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return true;
        }
        for (int mark = 1; mark <= 4; mark++) {
            try {
                Files.createFile(classes.resolve("spinner-" + mark));
                return true;
            } catch (FileAlreadyExistsException taken) {
                // another launch has it
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }
        return false;
    }
}
