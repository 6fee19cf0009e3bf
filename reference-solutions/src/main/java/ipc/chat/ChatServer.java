package ipc.chat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A chat server: every line a client sends goes to every other client as {@code [<name>] <line>},
 * and joins and leaves are announced to the others. The main thread only accepts; each client has
 * a reader thread for the lines it sends and a writer thread for the lines it receives.
 *
 * <p>Usage: {@code java ipc.chat.ChatServer <port>}
 */
public final class ChatServer {

    /**
     * How many lines may wait for one client. Slow-reader policy: a broadcast only ever offers a
     * line to a client's queue, so a client that stops reading never blocks the sender or anyone
     * else. Its writer thread blocks in write() instead (once the operating system's buffers are
     * full), its queue fills up, and when a line no longer fits, the client is disconnected and
     * the others are told that it left. Waiting for room would freeze the whole chat behind one
     * client; skipping the line for it would lose a line without telling anyone. The same happens
     * to a client that reads, but for a long time more slowly than the others talk.
     */
    private static final int QUEUE_CAPACITY = 1000;

    /** Put in a client's queue after it left the chat: its writer sends what is left, then closes. */
    private static final byte[] END = new byte[0];

    /**
     * The clients in the chat. Every join, leave and broadcast holds this set's lock from start to
     * end, so they happen one after another: nobody gets a line from a client after its leave
     * notice, a client leaves only once, and two clients that join at the same moment cannot miss
     * each other: the first is in the set when the second one's notice goes out. Holding the lock
     * is cheap, because a broadcast only offers to queues and never waits.
     */
    private static final Set<Client> CLIENTS = new LinkedHashSet<>();

    /** One connected client: its socket, its name, and the lines waiting to be sent to it. */
    private static final class Client {
        final Socket socket;
        final String name;
        final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

        Client(Socket socket) {
            this.socket = socket;
            this.name = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        }

        void closeNow() {
            try {
                socket.close(); // wakes this client's reader and writer threads with an exception
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private ChatServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("ChatServer: listening on 127.0.0.1:" + port);
            while (true) {
                Client client = new Client(server.accept());
                start(() -> write(client), "chat-writer-" + client.name);
                join(client);
                start(() -> read(client), "chat-reader-" + client.name);
            }
        }
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The client's reader thread: broadcasts each whole line the client sends, until it goes. */
    private static void read(Client client) {
        String why = "closed the connection";
        try {
            InputStream in = new BufferedInputStream(client.socket.getInputStream());
            String line;
            while ((line = readLine(in)) != null) {
                broadcast(client, "[" + client.name + "] " + line + "\n");
            }
        } catch (IOException e) {
            why = "lost: " + e.getMessage();
        }
        leave(client, why);
    }

    /** The client's writer thread: sends the lines from its queue, in order, until it left. */
    private static void write(Client client) {
        try {
            OutputStream out = new BufferedOutputStream(client.socket.getOutputStream());
            List<byte[]> batch = new ArrayList<>();
            boolean open = true;
            while (open) {
                // Wait for one line, then take whatever else is waiting too: a burst of lines costs
                // one wake-up and one flush, so this thread keeps up with a fast sender.
                batch.add(client.outbox.take());
                client.outbox.drainTo(batch);
                for (byte[] message : batch) {
                    if (message == END) {
                        open = false;
                        break;
                    }
                    out.write(message);
                }
                out.flush();
                batch.clear();
            }
        } catch (IOException e) {
            leave(client, "lost: " + e.getMessage()); // a dead client is removed; the others go on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.closeNow();
    }

    private static void join(Client client) {
        synchronized (CLIENTS) {
            // Added before the notice goes out: whoever has seen "joined" can already reach it.
            CLIENTS.add(client);
            System.out.println("ChatServer: " + client.name + " joined (" + CLIENTS.size() + " online)");
            send(client, "*** " + client.name + " joined ***\n");
        }
    }

    /** Removes a client from the chat and tells the others; only the first call for a client counts. */
    private static void leave(Client client, String why) {
        synchronized (CLIENTS) {
            leaveLocked(client, why);
        }
    }

    private static void leaveLocked(Client client, String why) {
        if (!CLIENTS.remove(client)) {
            return; // already gone: its other thread, or a full queue, removed it first
        }
        System.out.println("ChatServer: " + client.name + " left: " + why);
        if (!client.outbox.offer(END)) {
            client.closeNow(); // its queue is full: it gets nothing more
        }
        send(client, "*** " + client.name + " left ***\n");
    }

    /** Sends a sender's line to the others, unless the sender has already been removed. */
    private static void broadcast(Client sender, String message) {
        synchronized (CLIENTS) {
            if (CLIENTS.contains(sender)) {
                send(sender, message);
            }
        }
    }

    /** Offers a message to every client but {@code except}; the caller holds the lock. */
    private static void send(Client except, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        List<Client> full = new ArrayList<>();
        for (Client client : CLIENTS) {
            if (client != except && !client.outbox.offer(bytes)) {
                full.add(client); // removed after the loop: a set must not change while it is walked
            }
        }
        for (Client client : full) {
            leaveLocked(client, "stopped reading (" + QUEUE_CAPACITY + " lines waiting)");
        }
    }

    /**
     * Reads one line ending with {@code \n} and returns it without the {@code \n} and without one
     * {@code \r} before it. Returns null at the end of the stream; an unfinished last line is dropped.
     */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                return null;
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        // Decoded only once the whole line is here, so a character cut between reads stays whole.
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
