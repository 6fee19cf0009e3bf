package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.score.GradeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A race in a submission costs the points of the check about that race, on every run, and nothing
 * else: each mutant whose mistake is a race ({@code race:}) is graded again and again, and must lose
 * exactly its checks every time, so its score never moves. One grading that passed by luck would
 * be a check that only waits for the race instead of forcing it.
 */
class RacyMutantsTest {

    /** Gradings per racy mutant; {@code -Dsockgrader.raceRuns=N} for a longer look at one of them. */
    private static final int RUNS = Integer.getInteger("sockgrader.raceRuns", 10);
    private static final List<Mutant> RACY = Mutant.all(Repository.MUTANTS).stream()
            .filter(mutant -> mutant.race() != null).toList();

    @TestFactory
    @DisplayName("each racy mutant loses exactly its checks, and so gets the same score, in every one of 10 gradings")
    Stream<DynamicTest> eachRacyMutantGetsOneScore() {
        return RACY.stream().map(mutant -> DynamicTest.dynamicTest(mutant.name() + ": " + mutant.race(), () -> {
            List<Integer> scores = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                GradeReport report = MutantsAreCaughtTest.assertLosesExactlyItsChecks(mutant);
                scores.add(report.score());
            }
            assertThat(scores).as("scores of %s over %d gradings", mutant, RUNS).containsOnly(scores.get(0));
        }));
    }

    @Test
    @DisplayName("the chat's racy designs are among the mutants: registration in the client's thread, an unlocked list, an unlocked walk")
    void theChatRacesAreMutants() {
        assertThat(RACY).extracting(Mutant::name).contains("chat/joins-in-own-thread", "chat/unlocked-client-list",
                "chat/unlocked-broadcast-walk");
    }
}
