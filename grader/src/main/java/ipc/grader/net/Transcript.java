package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation on one connection as the grader saw it, in order: what it sent, what came back,
 * closes and resets. Failure messages quote it, so a student reads the exchange the way the
 * lecture draws it, with {@code \r\n} and odd bytes visible.
 */
final class Transcript {

    private static final int SHOWN_EVENTS = 12;

    private final String peer;
    private final List<Event> events = new ArrayList<>();

    Transcript(String peer) {
        this.peer = peer;
    }

    private record Event(String who, ByteArrayOutputStream bytes, String note) {
    }

    synchronized void sent(byte[] data, String note) {
        events.add(new Event("grader sent", copy(data), note));
    }

    synchronized void received(byte[] data, int length) {
        Event last = events.isEmpty() ? null : events.get(events.size() - 1);
        if (last != null && last.who.equals(peer + " sent") && last.note == null) {
            last.bytes.write(data, 0, length); // one arrival split over several reads is one message to the reader
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(data, 0, length);
            events.add(new Event(peer + " sent", bytes, null));
        }
    }

    /** A datagram that came in: never merged with the one before, since each is a message of its own. */
    synchronized void receivedDatagram(byte[] data, String note) {
        events.add(new Event(peer + " sent", copy(data), note));
    }

    synchronized void note(String what) {
        events.add(new Event(what, null, null));
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder();
        int from = Math.max(0, events.size() - SHOWN_EVENTS);
        if (from > 0) {
            out.append("  (").append(from).append(" earlier steps not shown)\n");
        }
        for (Event event : events.subList(from, events.size())) {
            out.append("  ").append(event.who);
            if (event.bytes != null) {
                out.append(": ").append(Bytes.show(event.bytes.toByteArray()));
            }
            if (event.note != null) {
                out.append(' ').append(event.note);
            }
            out.append('\n');
        }
        if (events.isEmpty()) {
            out.append("  (nothing was sent or received)\n");
        }
        return out.toString();
    }

    private static ByteArrayOutputStream copy(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length);
        bytes.writeBytes(data);
        return bytes;
    }
}
