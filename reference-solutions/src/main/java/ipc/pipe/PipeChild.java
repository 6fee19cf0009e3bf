package ipc.pipe;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Exercise {@code pipe}, the child: started by {@link PipeParent} as a second JVM. It greets the
 * parent through its stdout, then waits for the parent's answer on its stdin.
 */
public final class PipeChild {

    public static void main(String[] args) throws Exception {
        PrintWriter toParent = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        toParent.println("hello from child " + ProcessHandle.current().pid());
        toParent.flush(); // without this the parent waits for the greeting while we wait for its answer

        BufferedReader fromParent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String answer = fromParent.readLine();
        if (answer == null) {
            System.err.println("Child got nothing");
            System.exit(3);
        }
        System.err.println("Child got: " + answer);
        System.exit(0);
    }
}
