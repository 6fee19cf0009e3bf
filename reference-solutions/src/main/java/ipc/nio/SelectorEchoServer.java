package ipc.nio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * An echo server with one thread for every client: an event loop around a {@link Selector}. Each
 * connection keeps the bytes it still owes its client; the loop reads only while nothing is owed,
 * writes what the socket takes now and asks to be woken when it takes more.
 *
 * <p>Usage: {@code java ipc.nio.SelectorEchoServer <port>}
 */
public final class SelectorEchoServer {

    private static final int CHUNK = 64 * 1024;

    private SelectorEchoServer() {
    }

    /** What one client's connection still has to send back. */
    private static final class Connection {
        final Deque<ByteBuffer> owed = new ArrayDeque<>();
        boolean clientDone;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (Selector selector = Selector.open();
             ServerSocketChannel server = ServerSocketChannel.open()) {
            // A backlog beyond Java's default of 50: a thousand clients may arrive at once.
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            while (true) {
                selector.select(); // sleeps until some channel is ready: an idle server uses no CPU
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    try {
                        if (key.isAcceptable()) {
                            accept(server, selector);
                        } else {
                            if (key.isReadable()) {
                                read(key, buffer);
                            }
                            if (key.isValid() && key.isWritable()) {
                                write(key);
                            }
                        }
                    } catch (IOException e) {
                        // This client reset or vanished: it alone is closed, the loop goes on.
                        close(key);
                    }
                }
            }
        }
    }

    private static void accept(ServerSocketChannel server, Selector selector) throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ, new Connection());
        }
    }

    private static void read(SelectionKey key, ByteBuffer buffer) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        buffer.clear();
        int count = channel.read(buffer);
        if (count < 0) {
            connection.clientDone = true;
        } else if (count > 0) {
            buffer.flip();
            ByteBuffer copy = ByteBuffer.allocate(count);
            copy.put(buffer).flip();
            connection.owed.add(copy);
        }
        write(key);
    }

    /**
     * Sends what is owed as far as the socket takes it. What is left waits for OP_WRITE; meanwhile
     * the client is not read, so a client that never reads cannot make the server hoard its bytes.
     */
    private static void write(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        while (!connection.owed.isEmpty()) {
            ByteBuffer next = connection.owed.peek();
            channel.write(next);
            if (next.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            connection.owed.poll();
        }
        if (connection.clientDone) {
            close(key);
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closed anyway
        }
    }
}
