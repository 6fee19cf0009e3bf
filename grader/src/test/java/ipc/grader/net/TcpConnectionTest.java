package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.grader.feedback.Bytes;
import ipc.grader.time.Deadline;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class TcpConnectionTest {

    private static TcpConnection connect(PeerServer peer) {
        return TcpConnection.connect(peer.port(), "peer", "test connection", Deadline.in(Duration.ofSeconds(5)));
    }

    @Test
    @DisplayName("what the peer echoes is matched, line by line and byte by byte")
    void echo() throws Exception {
        try (PeerServer peer = PeerServer.echo(); TcpConnection connection = connect(peer)) {
            connection.send("ping-0\n");
            connection.expectLine("ping-0");
            connection.send("raw bytes\r\n");
            connection.expect("raw bytes\r\n");
            connection.shutdownOutput();
            connection.expectEndOfStream("after the grader's end of stream");
        }
    }

    @Test
    @DisplayName("a line ending in \\r\\n is accepted as the line, as the catalogue allows")
    void carriageReturnIsStripped() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getOutputStream().write(Bytes.utf8("pong-0\r\n"));
            return PeerServer.drain(client);
        }); TcpConnection connection = connect(peer)) {
            connection.expectLine("pong-0");
        }
    }

    @Test
    @DisplayName("ignored lines are skipped wherever they come, also when they arrived before the filter, and shown in the conversation")
    void ignoredLinesAreSkipped() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getOutputStream().write(Bytes.utf8("noise 1\none\r\nnoise 2\nnoise 3\ntwo\n"));
            return PeerServer.drain(client);
        }); TcpConnection connection = connect(peer)) {
            connection.readExactly(1, Deadline.in(Duration.ofSeconds(5))); // "n": the rest may be here already
            connection.expect("oise 1\n");
            connection.ignoringLines(line -> line.startsWith("noise"));
            connection.expectLine("one");
            assertThat(connection.readLine(Deadline.in(Duration.ofSeconds(5)))).isEqualTo("two");
            assertThat(connection.conversation()).contains("noise 2\\nnoise 3\\n");
        }
    }

    @Test
    @DisplayName("lineWithin returns a line that comes, nothing after silence, and fails at the end of the stream")
    void lineWithinTellsSilenceFromEnd() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getInputStream().read(new byte[64]);
            client.getOutputStream().write(Bytes.utf8("hello\n"));
            return null;
        }); TcpConnection connection = connect(peer)) {
            assertThat(connection.lineWithin(Deadline.in(Duration.ofMillis(100)))).isEmpty();
            connection.send("go\n");
            assertThat(connection.lineWithin(Deadline.in(Duration.ofSeconds(5)))).contains("hello");
            assertThatThrownBy(() -> connection.lineWithin(Deadline.in(Duration.ofSeconds(5))))
                    .hasMessageStartingWith("expected a line but peer closed the connection");
        }
    }

    @Test
    @DisplayName("leaving ends the stream, drops what still comes, and says whether the peer closed in time")
    void leave() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getOutputStream().write(new byte[100_000]); // unread, this would make a close send a reset
            return PeerServer.drain(client);
        }); TcpConnection connection = connect(peer)) {
            assertThat(connection.leave(Deadline.in(Duration.ofSeconds(5)))).isTrue();
            assertThat(peer.outcome.get(5, TimeUnit.SECONDS)).as("what the peer read before its end of stream").isEqualTo(0L);
        }
        CountDownLatch testDone = new CountDownLatch(1);
        try (PeerServer peer = new PeerServer(client -> {
            PeerServer.drain(client);
            try {
                return testDone.await(5, TimeUnit.SECONDS); // keeps the connection open after the end of stream
            } catch (InterruptedException e) {
                return e;
            }
        }); TcpConnection connection = connect(peer)) {
            assertThat(connection.leave(Deadline.in(Duration.ofMillis(200)))).isFalse();
            testDone.countDown();
        }
    }

    @Test
    @DisplayName("a wrong answer fails at once, the reason first, then the conversation")
    void wrongAnswerFailsFast() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getInputStream().read(new byte[64]);
            client.getOutputStream().write(Bytes.utf8("pong-9\n"));
            return PeerServer.drain(client);
        }); TcpConnection connection = connect(peer)) {
            connection.send("ping-0\n");
            assertThatThrownBy(() -> connection.expectLine("pong-0"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("expected the line \"pong-0\\n\" but got the line \"pong-9\\n\"\n")
                    .hasMessageContaining("The conversation on test connection:\n  grader sent: \"ping-0\\n\"\n  peer sent: \"pong-9\\n\"");
        }
    }

    @Test
    @DisplayName("silence fails at the deadline, and an expired deadline never blocks")
    void silenceIsBounded() throws Exception {
        try (PeerServer peer = new PeerServer(PeerServer::drain); TcpConnection connection = connect(peer)) {
            connection.send("anyone?\n");
            assertThatThrownBy(() -> connection.expect(Bytes.utf8("yes\n"), Deadline.in(Duration.ofMillis(200))))
                    .hasMessageStartingWith("expected \"yes\\n\" but got nothing within 200 ms");
            // Regression: an expired deadline once meant select(0), which waits forever.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                    () -> connection.expect(Bytes.utf8("yes\n"), Deadline.in(Duration.ZERO))).isInstanceOf(AssertionError.class));
        }
    }

    @Test
    @DisplayName("a peer that closes early, or resets, is reported as such")
    void closeAndReset() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getOutputStream().write(Bytes.utf8("po"));
            return null;
        }); TcpConnection connection = connect(peer)) {
            assertThatThrownBy(() -> connection.expectLine("pong-0"))
                    .hasMessageStartingWith("expected the line \"pong-0\\n\" but got no end of line: \"po\", then peer closed the connection");
        }
        try (PeerServer peer = new PeerServer(client -> {
            client.getInputStream().read(); // reset only once connected, or connect() itself would see it
            client.setSoLinger(true, 0);
            return null;
        }); TcpConnection connection = connect(peer)) {
            connection.send("x");
            assertThatThrownBy(() -> connection.expectEndOfStream("now"))
                    .hasMessageContaining("the connection was reset by peer");
        }
    }

    @Test
    @DisplayName("reset() aborts the connection: the peer's read fails with a reset, as after a crash")
    void resetIsSeenByThePeer() throws Exception {
        try (PeerServer peer = new PeerServer(PeerServer::drain); TcpConnection connection = connect(peer)) {
            connection.send("hello\n");
            connection.reset();
            Object outcome = peer.outcome.get(5, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOf(SocketException.class);
            assertThat(((Exception) outcome).getMessage()).containsIgnoringCase("reset");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @DisplayName("sendPiece waits until the peer has read the piece, so the next piece is never read with it")
    void piecesArriveInSeparateReads() throws Exception {
        for (int round = 0; round < 20; round++) {
            try (PeerServer peer = new PeerServer(client -> {
                byte[] buffer = new byte[64];
                int first = client.getInputStream().read(buffer);
                PeerServer.drain(client);
                return first;
            }); TcpConnection connection = connect(peer)) {
                connection.sendPiece(Bytes.utf8("pi"));
                connection.send("ng-0\n");
                connection.shutdownOutput();
                assertThat(peer.outcome.get(5, TimeUnit.SECONDS)).as("bytes in the peer's first read, round %d", round)
                        .isEqualTo(2);
            }
        }
    }

    @Test
    @DisplayName("an answer before the message is complete is caught as premature")
    void prematureAnswer() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getInputStream().read(new byte[64]);
            client.getOutputStream().write(Bytes.utf8("pong-0\n"));
            return PeerServer.drain(client);
        }); TcpConnection connection = connect(peer)) {
            connection.sendPiece(Bytes.utf8("pi"));
            assertThatThrownBy(() -> connection.expectNoAnswerYet("while the line is incomplete"))
                    .hasMessageStartingWith("peer answered too early, while the line is incomplete: it sent \"pong-0\\n\"");
        }
    }

    @Test
    @DisplayName("1 MiB goes out and comes back while both directions flow, and a short echo is measured")
    void exchange() throws Exception {
        byte[] payload = new byte[1 << 20];
        Arrays.fill(payload, (byte) 0xa5);
        try (PeerServer peer = PeerServer.echo(); TcpConnection connection = connect(peer)) {
            connection.exchange(payload, Deadline.in(Duration.ofSeconds(10)));
        }
        try (PeerServer peer = new PeerServer(client -> {
            byte[] some = client.getInputStream().readNBytes(1000);
            client.getOutputStream().write(some);
            return null;
        }); TcpConnection connection = connect(peer)) {
            assertThatThrownBy(() -> connection.exchange(payload, Deadline.in(Duration.ofSeconds(10))))
                    .hasMessageStartingWith("expected the 1048576 bytes back")
                    .hasMessageContaining("but got 1000 bytes, then");
        }
    }

    @Test
    @DisplayName("sending until stalled stops where a peer that reads nothing fills up, and the rest goes out while the echo is read")
    void sendUntilStalledThenExchangeTheRest() throws Exception {
        byte[] payload = new byte[8 << 20];
        new java.util.Random(7).nextBytes(payload);
        CountDownLatch readNow = new CountDownLatch(1);
        try (PeerServer peer = new PeerServer(client -> {
            try {
                readNow.await(); // reads nothing until the grader has stalled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return client.getInputStream().transferTo(client.getOutputStream());
        }); TcpConnection connection = TcpConnection.connect(peer.port(), "peer", "connection 1 to peer", 32 * 1024,
                Deadline.in(Duration.ofSeconds(10)))) {
            int sent = connection.sendUntilStalled(payload, Duration.ofMillis(200), Deadline.in(Duration.ofSeconds(10)));
            assertThat(sent).as("bytes out before a peer that reads nothing stalled the grader")
                    .isPositive().isLessThan(payload.length);
            readNow.countDown();
            connection.exchangeRest(payload, sent, Deadline.in(Duration.ofSeconds(10)));
        }
        try (PeerServer peer = new PeerServer(client -> {
            // Takes everything, but echoes only every other 64 KiB: bytes lost in the middle.
            byte[] chunk = new byte[65536];
            boolean echo = true;
            for (int n; (n = client.getInputStream().readNBytes(chunk, 0, chunk.length)) > 0; echo = !echo) {
                if (echo) {
                    client.getOutputStream().write(chunk, 0, n);
                }
            }
            return null;
        }); TcpConnection connection = connect(peer)) {
            int sent = connection.sendUntilStalled(payload, Duration.ofMillis(200), Deadline.in(Duration.ofSeconds(10)));
            assertThatThrownBy(() -> connection.exchangeRest(payload, sent, Deadline.in(Duration.ofSeconds(10))))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("before the grader read anything");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @DisplayName("with a tail, a peer that buffers its echo and never flushes loses it every time, however the rest was cut")
    void exchangeWithATail() throws Exception {
        byte[] payload = new byte[1 << 20]; // a multiple of 8 KiB: full reads would flush everything
        Arrays.fill(payload, (byte) 0x5a);
        try (PeerServer peer = PeerServer.echo(); TcpConnection connection = connect(peer)) {
            connection.exchange(payload, 100, Deadline.in(Duration.ofSeconds(10)));
        }
        for (int round = 0; round < 3; round++) {
            try (PeerServer peer = new PeerServer(client -> {
                // Writes of a full 8 KiB go straight out; anything shorter waits in the buffer.
                OutputStream buffered = new BufferedOutputStream(client.getOutputStream(), 8192);
                byte[] chunk = new byte[8192];
                for (int n; (n = client.getInputStream().read(chunk)) > 0; ) {
                    buffered.write(chunk, 0, n);
                }
                return null;
            }); TcpConnection connection = connect(peer)) {
                assertThatThrownBy(() -> connection.exchange(payload, 100, Deadline.in(Duration.ofSeconds(1))))
                        .as("round %d", round).hasMessageStartingWith("expected the 1048576 bytes back");
            }
        }
    }

    @Test
    @DisplayName("exactly N bytes, and everything until the peer closes, can be read within a deadline")
    void readExactlyAndUntilEndOfStream() throws Exception {
        try (PeerServer peer = new PeerServer(client -> {
            client.getOutputStream().write(Bytes.utf8("HTTP/1.1 200 OK\r\n\r\nbody"));
            return null;
        }); TcpConnection connection = connect(peer)) {
            assertThat(connection.readExactly(8, Deadline.in(Duration.ofSeconds(5)))).isEqualTo(Bytes.utf8("HTTP/1.1"));
            assertThat(connection.readUntilEndOfStream(Deadline.in(Duration.ofSeconds(5))))
                    .isEqualTo(Bytes.utf8(" 200 OK\r\n\r\nbody"));
        }
        try (PeerServer peer = new PeerServer(client -> {
            client.getOutputStream().write(Bytes.utf8("abc"));
            return PeerServer.drain(client);
        }); TcpConnection connection = connect(peer)) {
            assertThatThrownBy(() -> connection.readExactly(5, Deadline.in(Duration.ofMillis(300))))
                    .hasMessageStartingWith("expected 5 bytes but got 3 bytes, then nothing more within 300 ms");
            assertThatThrownBy(() -> connection.readUntilEndOfStream(Deadline.in(Duration.ofMillis(300))))
                    .hasMessageStartingWith("expected peer to close the connection, but nothing more within 300 ms (after 3 bytes)");
        }
    }

    @Test
    @DisplayName("a refused connection says so, with a hint")
    void refused() {
        PortLease lease = Ports.leaseTcp();
        try (lease) {
            assertThatThrownBy(() -> TcpConnection.connect(lease.port(), "EchoServer", "c", Deadline.in(Duration.ofSeconds(2))))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("The grader could not connect to EchoServer on 127.0.0.1:" + lease.port())
                    .hasMessageContaining("Hint:");
        }
    }

}
