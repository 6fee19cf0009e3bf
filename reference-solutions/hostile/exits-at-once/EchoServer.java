package ipc.echo;

/** Hostile: prints a fake score and exits at once, as if the grading were over and perfect. */
public final class EchoServer {
    public static void main(String[] args) {
        System.out.println("Score: 100/100");
        System.out.println("TOTAL              999 / 999  (every check passes)");
    }
}
