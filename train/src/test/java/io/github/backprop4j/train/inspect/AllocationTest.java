package io.github.backprop4j.train.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Watching costs nothing when it is off, and allocates nothing per step when it is on: a whole
 * training step (forward, loss, backward, SGD with momentum), counted by the JVM's per-thread
 * allocation counter over rounds of steps until one round allocates nothing, as optim's
 * AllocationTest does.
 */
class AllocationTest {

    private static final int STEPS = 5_000;
    /** Rounds to wait for one that allocates nothing, while the JIT compiles the first ones. */
    private static final int MAX_ROUNDS = 10;

    @Test
    void trainingStep_unobserved_allocatesNothingOnceWarm() {
        assertEquals(0, lastRound(false));
    }

    @Test
    void trainingStep_withDiagnostics_allocatesNothingOnceWarm() {
        assertEquals(0, lastRound(true));
    }

    private static long lastRound(boolean diagnosed) {
        SplittableRandom rng = new SplittableRandom(5);
        Sequential model = new Sequential(new Linear(3, 16, rng), new ReLU(),
                new Linear(16, 1, rng));
        Matrix x = Matrix.uniform(8, 3, -1, 1, rng);
        Matrix y = Matrix.uniform(8, 1, -1, 1, rng);
        MSELoss loss = new MSELoss();
        SGD sgd = SGD.builder(model.parameters()).learningRate(1e-4).momentum(0.9).build();
        Diagnostics diagnostics = diagnosed ? new Diagnostics(model) : null;
        if (diagnosed) {
            diagnostics.start();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        List<Long> rounds = new ArrayList<>();
        do {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int t = 0; t < STEPS; t++) {
                sgd.zeroGrad();
                loss.forward(model.forward(x), y);
                model.backward(loss.backward());
                if (diagnosed) {
                    diagnostics.afterBackward();
                    diagnostics.beforeStep();
                }
                sgd.step();
                if (diagnosed) {
                    diagnostics.afterStep();
                }
            }
            rounds.add(threads.getThreadAllocatedBytes(thread) - before);
        } while (rounds.get(rounds.size() - 1) != 0 && rounds.size() < MAX_ROUNDS);
        assertEquals(0, rounds.get(rounds.size() - 1), "bytes allocated by each round of "
                + STEPS + " steps" + (diagnosed ? " with diagnostics: " : ": ") + rounds);
        return rounds.get(rounds.size() - 1);
    }
}
