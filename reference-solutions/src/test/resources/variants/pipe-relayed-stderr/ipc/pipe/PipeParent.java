package ipc.pipe;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Scanner;

/** Runtime.exec, a Scanner on each side, and the child's stderr relayed by a thread instead of inherited. */
public final class PipeParent {

    public static void main(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = Runtime.getRuntime().exec(new String[] {java, "-cp", System.getProperty("java.class.path"),
                "ipc.pipe.PipeChild"});
        Thread relay = new Thread(() -> copy(child.getErrorStream(), System.err));
        relay.start();

        Scanner fromChild = new Scanner(child.getInputStream(), StandardCharsets.UTF_8);
        System.out.println("Parent got: " + fromChild.nextLine());

        Scanner you = new Scanner(System.in, StandardCharsets.UTF_8);
        try (PrintStream toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            if (you.hasNextLine()) {
                toChild.println(you.nextLine());
            }
        }
        int status = child.waitFor();
        relay.join();
        System.exit(status);
    }

    private static void copy(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
            to.flush();
        } catch (java.io.IOException e) {
            // the child is gone
        }
    }
}
