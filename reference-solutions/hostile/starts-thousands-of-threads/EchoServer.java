package ipc.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hostile: starts three thousand threads that never end, then never listens, in the first four
 * launches of a grading (as many checks as the grader runs at once on two cores: twelve thousand
 * threads in all). Later launches hang up on every client, so their checks fail at once instead of
 * waiting out two more rounds of the start-up deadline, which would show nothing the first round did not.
 */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        if (amongTheFirstFour()) {
            for (int i = 0; i < 3_000; i++) {
                Thread sleeper = new Thread(() -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        // keep the thread count up
                    }
                });
                sleeper.start();
            }
            System.out.println("3000 threads started");
            Thread.sleep(Long.MAX_VALUE);
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
                Files.createFile(classes.resolve("threads-" + mark));
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
