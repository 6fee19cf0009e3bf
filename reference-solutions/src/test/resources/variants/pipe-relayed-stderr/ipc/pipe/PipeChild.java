package ipc.pipe;

import java.nio.charset.StandardCharsets;
import java.util.Scanner;

/** System.out's own flush on println, and a Scanner for the answer. */
public final class PipeChild {

    public static void main(String[] args) {
        System.out.println("hello from child " + ProcessHandle.current().pid());
        Scanner in = new Scanner(System.in, StandardCharsets.UTF_8);
        if (in.hasNextLine()) {
            System.err.println("Child got: " + in.nextLine());
            System.exit(0);
        }
        System.err.println("Child got nothing");
        System.exit(3);
    }
}
