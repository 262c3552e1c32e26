package io.github.backprop4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A {@link Trainer} step allocates nothing once warmed up: a listener reads this thread's
 * allocated-bytes counter at the end of every step, and some window of {@value #WINDOW} steps
 * late in a long epoch must stay below {@value #ALLOWED_BYTES} bytes, far below the 8 bytes per
 * step that a single allocation in the step would cost. (Windows are compared because the JIT
 * now and then books a few hundred bytes to the thread while it compiles.) Nothing is timed.
 */
class TrainerAllocationTest {

    private static final int STEPS = 4_000;
    private static final int WARM_UP = 2_000;
    private static final int WINDOW = 500;
    private static final long ALLOWED_BYTES = 1_024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Counter readings kept in a preallocated array, so the listener allocates nothing. */
    private static final class Counter implements TrainingListener {
        final long[] bytes = new long[STEPS + 1];

        @Override
        public void afterOptimizerStep(TrainingStep step) {
            bytes[(int) step.step()] = THREADS.getCurrentThreadAllocatedBytes();
        }
    }

    @Test
    void step_withShuffleClippingAndListener_allocatesNothingOnceWarm() {
        SplittableRandom rng = new SplittableRandom(5);
        int batch = 4;
        Matrix x = Matrix.uniform(STEPS * batch, 3, -1, 1, rng);
        Matrix y = Matrix.uniform(STEPS * batch, 1, -1, 1, rng);
        Sequential model = new Sequential(new Linear(3, 8, rng), new ReLU(), new Linear(8, 1, rng));
        SGD sgd = SGD.builder(model.parameters()).learningRate(0.01).momentum(0.9).build();
        Counter counter = new Counter();
        Trainer.builder(model, new MSELoss(), sgd).epochs(1).batchSize(batch).shuffle(rng)
                .clipGradNorm(1.0).listener(counter).progressBar(false).build()
                .fit(new Dataset(x, y));

        long least = Long.MAX_VALUE;
        long[] windows = new long[(STEPS - WARM_UP) / WINDOW];
        for (int w = 0; w < windows.length; w++) {
            int from = WARM_UP + w * WINDOW;
            windows[w] = counter.bytes[from + WINDOW] - counter.bytes[from];
            least = Math.min(least, windows[w]);
        }
        assertEquals(windows.length, 4);
        long found = least;
        assertTrue(found < ALLOWED_BYTES, () -> "windows of " + WINDOW + " steps allocated "
                + Arrays.toString(windows) + " bytes");
    }
}
