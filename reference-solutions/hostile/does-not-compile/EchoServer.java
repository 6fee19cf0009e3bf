package ipc.echo;

/** Hostile, or just broken: does not compile. */
public final class EchoServer {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0])
        System.out.println("listening on " + port);
    }
}
