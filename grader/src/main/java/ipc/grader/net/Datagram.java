package ipc.grader.net;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** One datagram the grader received: who sent it, and its bytes. */
public record Datagram(InetSocketAddress sender, byte[] payload) {

    /** The payload decoded as UTF-8. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
