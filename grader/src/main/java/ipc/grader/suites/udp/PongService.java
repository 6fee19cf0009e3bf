package ipc.grader.suites.udp;

import ipc.grader.feedback.Bytes;
import ipc.grader.net.Datagram;
import ipc.grader.net.DatagramPeer;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grader's pong server for the client checks: answers every {@code ping-N} with {@code pong-N}.
 * A ping sent again is answered again, since a client on a slow machine may time out early and
 * that is no mistake; pings out of order or anything else is one.
 */
final class PongService {

    private static final Pattern PING = Pattern.compile("ping-(\\d{1,9})");

    private PongService() {
    }

    /**
     * Serves {@code client} until it has sent ping-0 to ping-(count-1); returns how often each
     * number was received.
     */
    static Map<Integer, Integer> serve(DatagramPeer server, StudentProgram client, int count) {
        Map<Integer, Integer> received = new TreeMap<>();
        int next = 0;
        while (next < count) {
            Deadline deadline = Deadline.in(next == 0 && received.isEmpty() ? Waits.STARTUP : Waits.RETRY);
            Datagram ping = server.receive(client, deadline);
            if (ping == null) {
                throw client.isAlive()
                        ? server.failure("expected the datagram \"ping-" + next + "\" from " + client.displayName()
                                + " but nothing came within " + deadline.describe() + (received.isEmpty() ? ""
                                : " (no pong lost on the way gets resent by the grader: only the client can send its ping again)"))
                        : server.failure(client.exitedEarly("without sending the datagram \"ping-" + next
                                + "\" the grader expected"));
            }
            Matcher matcher = PING.matcher(ping.text());
            if (!matcher.matches()) {
                throw server.failure("expected the datagram \"ping-" + next + "\" but got " + Bytes.show(ping.payload()));
            }
            int number = Integer.parseInt(matcher.group(1));
            if (number > next) {
                throw server.failure("expected the datagram \"ping-" + next + "\" but got \"ping-" + number
                        + "\": pings go in order, each after the pong of the one before");
            }
            received.merge(number, 1, Integer::sum);
            server.reply(ping, "pong-" + number);
            if (number == next) {
                next++;
            }
        }
        return received;
    }
}
