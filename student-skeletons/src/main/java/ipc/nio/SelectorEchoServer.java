package ipc.nio;

/**
 * Exercise {@code selector-echo}. See {@code exercises/selector-echo/README.md}.
 *
 * <p>Usage: {@code java ipc.nio.SelectorEchoServer <port>}
 */
public final class SelectorEchoServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);

        // TODO: open a Selector and a ServerSocketChannel bound to 127.0.0.1:port (a backlog of 1024),
        //       non-blocking, registered for OP_ACCEPT.
        // TODO: forever, on this one thread: select() (it sleeps until a channel is ready), then for each ready key:
        //       - accept: make the client non-blocking and register it for OP_READ, with a buffer of its own;
        //       - read: echo what came; read() returning -1 means the client is done: close once all is sent;
        //       - write: write() may take only part of a buffer; keep the rest and send it on OP_WRITE.
        //       A client that resets its connection is closed alone; the loop goes on.
        System.out.println("TODO: SelectorEchoServer is not written yet (port " + port + ")");
    }
}
