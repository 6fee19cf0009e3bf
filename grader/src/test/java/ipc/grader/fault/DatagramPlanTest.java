package ipc.grader.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.fault.DatagramPlan.Fate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatagramPlanTest {

    private static List<Fate> first(int count, DatagramPlan plan, Direction direction) {
        DatagramPlan.Fates fates = plan.fates(direction);
        List<Fate> list = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            list.add(fates.of(number));
        }
        return list;
    }

    @Test
    @DisplayName("a plan is a value, as a Cut is: adding a fate makes a new plan and leaves the old one as it was")
    void aPlanIsAValue() {
        DatagramPlan base = DatagramPlan.deliverAll();
        DatagramPlan dropping = base.dropping(Direction.REQUESTS, 1);
        assertThat(base.describe()).isEqualTo("delivered every datagram");
        assertThat(dropping.describe()).isNotEqualTo(base.describe()).contains("request datagram 1");
        assertThat(dropping.duplicating(Direction.RESPONSES, 2).describe()).contains("response datagram 2");
        assertThat(dropping.describe()).doesNotContain("response");
    }

    @Test
    @DisplayName("deliverAll delivers every datagram both ways and says so")
    void deliverAll() {
        DatagramPlan plan = DatagramPlan.deliverAll();
        assertThat(first(50, plan, Direction.REQUESTS)).containsOnly(Fate.DELIVER);
        assertThat(first(50, plan, Direction.RESPONSES)).containsOnly(Fate.DELIVER);
        assertThat(plan.describe()).isEqualTo("delivered every datagram");
        assertThat(plan).hasToString("delivered every datagram");
    }

    @Test
    @DisplayName("explicit fates apply to the numbered datagrams of their direction only")
    void explicitFates() {
        DatagramPlan plan = DatagramPlan.deliverAll()
                .dropping(Direction.REQUESTS, 1)
                .swappingWithNext(Direction.REQUESTS, 3)
                .duplicating(Direction.RESPONSES, 2, 4);
        assertThat(first(5, plan, Direction.REQUESTS))
                .containsExactly(Fate.DROP, Fate.DELIVER, Fate.SWAP_WITH_NEXT, Fate.DELIVER, Fate.DELIVER);
        assertThat(first(5, plan, Direction.RESPONSES))
                .containsExactly(Fate.DELIVER, Fate.DUPLICATE, Fate.DELIVER, Fate.DUPLICATE, Fate.DELIVER);
        assertThat(plan.describe()).isEqualTo("dropped request datagram 1, swapped with the next request datagram 3, "
                + "doubled response datagram 2, doubled response datagram 4");
    }

    @Test
    @DisplayName("a later fate for the same datagram replaces the earlier one")
    void laterFateWins() {
        DatagramPlan plan = DatagramPlan.deliverAll().dropping(Direction.REQUESTS, 2).duplicating(Direction.REQUESTS, 2);
        assertThat(plan.fates(Direction.REQUESTS).of(2)).isEqualTo(Fate.DUPLICATE);
        assertThat(plan.describe()).isEqualTo("doubled request datagram 2");
    }

    @Test
    @DisplayName("a random plan decides the same way for the same seed, and every fresh source starts over")
    void randomIsRepeatable() {
        DatagramPlan plan = DatagramPlan.random(1234, 20, 15, 15);
        List<Fate> requests = first(400, plan, Direction.REQUESTS);
        assertThat(first(400, plan, Direction.REQUESTS)).isEqualTo(requests);
        assertThat(first(400, DatagramPlan.random(1234, 20, 15, 15), Direction.REQUESTS)).isEqualTo(requests);
        assertThat(first(400, DatagramPlan.random(1234, 20, 15, 15), Direction.RESPONSES))
                .isEqualTo(first(400, plan, Direction.RESPONSES));
        // Another seed, or the other direction, decides differently.
        assertThat(first(400, DatagramPlan.random(1235, 20, 15, 15), Direction.REQUESTS)).isNotEqualTo(requests);
        assertThat(first(400, plan, Direction.RESPONSES)).isNotEqualTo(requests);
        assertThat(requests).contains(Fate.DROP, Fate.DUPLICATE, Fate.SWAP_WITH_NEXT, Fate.DELIVER);
    }

    @Test
    @DisplayName("random fates come in roughly the given shares")
    void randomShares() {
        List<Fate> fates = first(10_000, DatagramPlan.random(7, 30, 10, 0), Direction.REQUESTS);
        long drops = fates.stream().filter(Fate.DROP::equals).count();
        long doubles = fates.stream().filter(Fate.DUPLICATE::equals).count();
        assertThat(drops).isBetween(2_700L, 3_300L);
        assertThat(doubles).isBetween(800L, 1_200L);
        assertThat(fates).doesNotContain(Fate.SWAP_WITH_NEXT);
        assertThat(first(1_000, DatagramPlan.random(7, 0, 0, 0), Direction.REQUESTS)).containsOnly(Fate.DELIVER);
        assertThat(first(1_000, DatagramPlan.random(7, 100, 0, 0), Direction.RESPONSES)).containsOnly(Fate.DROP);
    }

    @Test
    @DisplayName("an explicit fate overrides the random one for its datagram")
    void explicitOverridesRandom() {
        DatagramPlan plan = DatagramPlan.random(99, 0, 0, 0).dropping(Direction.RESPONSES, 3);
        assertThat(first(5, plan, Direction.RESPONSES))
                .containsExactly(Fate.DELIVER, Fate.DELIVER, Fate.DROP, Fate.DELIVER, Fate.DELIVER);
        assertThat(first(5, plan, Direction.REQUESTS)).containsOnly(Fate.DELIVER);
    }

    @Test
    @DisplayName("a random plan shows its seed and shares, so the run can be replayed")
    void randomDescribesItsSeed() {
        assertThat(DatagramPlan.random(20_261_122L, 10, 5, 3).describe())
                .isEqualTo("dropped 10%, doubled 5%, swapped 3% of the datagrams at random (seed 20261122)");
        assertThat(DatagramPlan.random(-5, 0, 0, 0).dropping(Direction.REQUESTS, 1).describe())
                .startsWith("dropped request datagram 1, ").contains("(seed -5)");
    }

    @Test
    @DisplayName("percentages below 0 or adding up to more than 100, and datagram numbers below 1, are refused")
    void invalidArguments() {
        assertThatThrownBy(() -> DatagramPlan.random(1, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatagramPlan.random(1, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatagramPlan.random(1, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatagramPlan.random(1, 50, 30, 21)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
        assertThat(DatagramPlan.random(1, 50, 30, 20).describe()).contains("seed 1");
        assertThatThrownBy(() -> DatagramPlan.deliverAll().dropping(Direction.REQUESTS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counted from 1, not 0");
        assertThatThrownBy(() -> DatagramPlan.deliverAll().duplicating(Direction.RESPONSES, 2, -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not -3");
        assertThatThrownBy(() -> DatagramPlan.deliverAll().swappingWithNext(Direction.REQUESTS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("percentages above 100 are refused even when their sum overflows an int")
    void overflowingPercentagesAreRefused() {
        assertThatThrownBy(() -> DatagramPlan.random(1, Integer.MAX_VALUE, Integer.MAX_VALUE, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
