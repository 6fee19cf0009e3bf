package ipc.chat;

/**
 * Exercise {@code chat}, client side. See {@code exercises/chat/README.md}.
 *
 * <p>Usage: {@code java ipc.chat.ChatClient <host> <port>}
 */
public final class ChatClient {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);

        // TODO: connect a Socket to host:port.
        // TODO: start a receiver thread: it reads line after line from the socket (UTF-8) and prints
        //       each one at once with System.out.println, then flushes. The main thread cannot do this
        //       itself, because it spends its time waiting for you to type.
        // TODO: in the main thread, read stdin line by line (UTF-8) and send each line followed by "\n",
        //       flushing after every line.
        // TODO: when stdin ends: shut down the socket's output (socket.shutdownOutput()), wait at most
        //       about 2 seconds for the receiver to finish, close the socket, print "ChatClient: bye" to
        //       System.err and exit with status 0.
        // TODO: when the server closes the connection: the receiver prints "ChatClient: the server
        //       closed the connection" to System.err and ends the program with System.exit(0) (main may
        //       be stuck reading stdin, so it cannot do that itself).
        System.out.println("TODO: ChatClient is not written yet (" + host + ":" + port + ")");
    }
}
