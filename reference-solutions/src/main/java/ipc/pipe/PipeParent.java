package ipc.pipe;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Exercise {@code pipe}, the parent: starts {@link PipeChild} as a second JVM and talks to it
 * through the two pipes the operating system sets up, the child's stdin and stdout.
 */
public final class PipeParent {

    public static void main(String[] args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "ipc.pipe.PipeChild")
                .redirectError(ProcessBuilder.Redirect.INHERIT) // its report shows up on our stderr
                .start();

        BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String greeting = fromChild.readLine();
        System.out.println("Parent got: " + greeting);

        BufferedReader you = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String answer = you.readLine();
        try (Writer toChild = new BufferedWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8))) {
            if (answer != null) {
                toChild.write(answer + "\n");
                toChild.flush();
            }
        } // closing the pipe is the child's end of input

        int status = child.waitFor();
        System.exit(status);
    }
}
