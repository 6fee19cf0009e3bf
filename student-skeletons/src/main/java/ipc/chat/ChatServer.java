package ipc.chat;

/**
 * Exercise {@code chat}, server side. See {@code exercises/chat/README.md}.
 *
 * <p>Usage: {@code java ipc.chat.ChatServer <port>}
 */
public final class ChatServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);

        // TODO: keep the connected clients in ONE list (or set) that every thread shares, and guard it:
        //       a synchronized block around every use, or a CopyOnWriteArrayList. Many threads add,
        //       remove and walk it at the same time; without that, lines get lost or a thread dies of a
        //       ConcurrentModificationException.
        // TODO: bind a ServerSocket to 127.0.0.1:port and serve forever. The main thread only accepts.
        // TODO: name each client by its address: socket.getInetAddress().getHostAddress() + ":" +
        //       socket.getPort(), such as "127.0.0.1:54321".
        // TODO: give each client a queue of the lines waiting for it (an ArrayBlockingQueue of 1000) and
        //       a writer thread that takes line after line from that queue and writes it to the client's
        //       socket (as UTF-8, flushed). Only this thread ever writes to that socket.
        // TODO: when a client connects: add it to the list, and put "*** <name> joined ***\n" in the
        //       queue of every OTHER client. Then start its reader thread.
        // TODO: the reader thread reads whole lines (ending with "\n"; strip one "\r" before it). Never
        //       pass on a half line, and two lines in one read are two messages. For each line, put
        //       "[<name>] <line>\n" in the queue of every OTHER client, never the sender's own.
        // TODO: putting a line in a queue must never wait: use offer(), not put(). If a client's queue
        //       is full, that client has stopped reading: disconnect it (close its socket, remove it)
        //       and tell the others it left. One slow client must not freeze the chat.
        // TODO: when a client leaves (end of stream, a reset, any IOException, in its reader or its
        //       writer thread): remove it from the list once, close its socket, and put
        //       "*** <name> left ***\n" in the queue of every other client. A client that fails must
        //       never stop the broadcast to the others.
        System.out.println("TODO: ChatServer is not written yet (port " + port + ")");
    }
}
