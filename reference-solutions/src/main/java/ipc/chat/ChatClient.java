package ipc.chat;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A chat client: the main thread sends every line typed on stdin, while a receiver thread prints
 * every line from the server the moment it arrives. One thread could not do both, because it would
 * sit in the read of stdin while the others talk, and print nothing.
 *
 * <p>Usage: {@code java ipc.chat.ChatClient <host> <port>}
 */
public final class ChatClient {

    /** Set once stdin has ended: from then on the end of the connection is expected, not news. */
    private static volatile boolean leaving;

    private ChatClient() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);

        Socket socket;
        try {
            socket = new Socket(host, port);
        } catch (IOException e) {
            System.err.println("ChatClient: cannot connect to " + host + ":" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Thread receiver = new Thread(() -> receive(socket), "chat-receiver");
        receiver.setDaemon(true);
        receiver.start();

        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = stdin.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush(); // each line leaves now, not when some buffer happens to fill
            }
            // stdin has ended: say so to the server, and give it a moment to send what is on its way.
            leaving = true;
            socket.shutdownOutput();
        } catch (IOException e) {
            if (!leaving) {
                serverGone(); // a write failed: the server is no longer there
            }
        }
        receiver.join(2000);
        try {
            socket.close();
        } catch (IOException e) {
            // leaving anyway
        }
        System.err.println("ChatClient: bye");
        System.exit(0);
    }

    /** The receiver thread: prints each line from the server until the server closes the connection. */
    private static void receive(Socket socket) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String line;
            while ((line = readLine(in)) != null) {
                System.out.println(line);
                System.out.flush();
            }
        } catch (IOException e) {
            // a reset, or the socket closed by main: either way the connection is over
        }
        if (!leaving) {
            serverGone(); // main may be blocked reading stdin, so the receiver ends the program
        }
    }

    /** Synchronized so that the message appears once when both threads notice at the same time. */
    private static synchronized void serverGone() {
        System.err.println("ChatClient: the server closed the connection");
        System.exit(0);
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
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
