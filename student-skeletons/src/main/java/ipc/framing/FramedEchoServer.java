package ipc.framing;

/**
 * Exercise {@code framing}, server side. See {@code exercises/framing/README.md}.
 *
 * <p>Usage: {@code java ipc.framing.FramedEchoServer <port>}
 */
public final class FramedEchoServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);

        // TODO: bind a ServerSocket to 127.0.0.1:port and serve clients forever, one thread per client.
        // TODO: per client: wrap the socket's streams in a BufferedInputStream and a
        //       BufferedOutputStream, then call MessageFraming.readMessage until it returns null, and
        //       send each payload back with MessageFraming.writeMessage (one frame per message).
        // TODO: on an IOException for one client (reset, cut frame, bad length), print one line to
        //       System.err and close that client's socket; the other clients keep being served.
        System.out.println("TODO: FramedEchoServer is not written yet (port " + port + ")");
    }
}
