package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcNetRowTest {

    @Test
    @DisplayName("a line of /proc/net/tcp is read into its ports, state, queues, owner and inode; the header is no row")
    void readsALine() {
        ProcNetRow listener = ProcNetRow.parse("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 "
                + "00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0").orElseThrow();
        assertThat(listener).isEqualTo(new ProcNetRow(8080, 0, "0A", 0, 2, "1000", "4242"));
        assertThat(listener.listening()).isTrue();
        ProcNetRow connection = ProcNetRow.parse("  1: 00000000000000000000000001000000:A3F2 "
                + "00000000000000000000000001000000:1F90 01 0000000C:00000010 00:00000000 00000000     0        0 77")
                .orElseThrow();
        assertThat(connection).extracting(ProcNetRow::localPort, ProcNetRow::remotePort, ProcNetRow::sendQueue,
                ProcNetRow::receiveQueue).containsExactly(0xA3F2, 8080, 12, 16);
        assertThat(connection.listening()).isFalse();
        assertThat(ProcNetRow.parse("  2: 0100007F:A3F2 0100007F:1F90 06 AD029558:00000000 03:00001000 00000000     0        0 0")
                .orElseThrow().sendQueue()).as("a negative word, from a socket being torn down").isZero();
        assertThat(ProcNetRow.parse("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid")).isEmpty();
    }
}
