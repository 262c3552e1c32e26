package io.github.backprop4j.layers.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Softmax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link Sequential#predict(Matrix)} from several threads at once on one model returns what one
 * thread returns, bit for bit, with a user's own layer ({@link ScaleShift}, which keeps
 * {@code Layer.predict}'s synchronized default) among layers that compute in parallel. The
 * surefire configuration runs this class once on EJML's kernels and once on OpenBLAS's.
 */
class ConcurrentPredictTest {

    private static final int THREADS = 4;
    private static final int[] BATCH_SIZES = {1, 7, 32, 100};
    /** Inputs per batch size, so that each thread also switches inputs of one size. */
    private static final int INPUTS_PER_SIZE = 2;
    private static final int ITERATIONS = 300;

    /**
     * 8 → 64 → 64 → 1, with the user's layer and a nested Sequential in the middle:
     * Linear, ReLU, (Linear, ScaleShift), ReLU, Linear.
     */
    private static Sequential model(SplittableRandom rng) {
        return new Sequential(new Linear(8, 64, rng), new ReLU(),
                new Sequential(new Linear(64, 64, rng), new ScaleShift(64, rng)), new ReLU(),
                new Linear(64, 1, rng));
    }

    private static List<Matrix> inputs(SplittableRandom rng) {
        List<Matrix> inputs = new ArrayList<>();
        for (int m : BATCH_SIZES) {
            for (int k = 0; k < INPUTS_PER_SIZE; k++) {
                inputs.add(Matrix.uniform(m, 8, -2, 2, rng));
            }
        }
        return inputs;
    }

    @Test
    void predict_fourThreadsMixedBatchSizes_returnsTheSingleThreadedBits() throws Exception {
        SplittableRandom rng = new SplittableRandom(21);
        Sequential model = model(rng);
        List<Matrix> inputs = inputs(rng);
        List<double[]> expected = new ArrayList<>();
        for (Matrix x : inputs) {
            double[] alone = model.predict(x).toRowMajorArray();
            assertArrayEquals(model.forward(x).toRowMajorArray(), alone, 0.0);
            expected.add(alone);
        }

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * INPUTS_PER_SIZE + t;   // threads start on different batch sizes
                mismatches.add(pool.submit(() -> {
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < ITERATIONS; i++) {
                        int which = (offset + i) % inputs.size();
                        double[] got = model.predict(inputs.get(which)).toRowMajorArray();
                        if (!Arrays.equals(expected.get(which), got)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                assertEquals(0, mismatches.get(t).get(), "thread " + t + ": outputs that differ");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predict_betweenForwardAndBackward_leavesOutputAndGradientsUnchanged() {
        Sequential model = classifier(22);
        Sequential twin = classifier(22);
        SplittableRandom rng = new SplittableRandom(23);
        Matrix x = Matrix.uniform(5, 8, -2, 2, rng);
        Matrix other = Matrix.uniform(9, 8, -2, 2, rng);
        Matrix g = Matrix.uniform(5, 3, -1, 1, rng);

        Matrix owned = model.forward(x);
        double[] before = owned.toRowMajorArray();
        model.predict(other);
        assertArrayEquals(before, owned.toRowMajorArray(), 0.0);
        model.backward(g);
        twin.forward(x);
        twin.backward(g);

        for (int p = 0; p < model.parameters().size(); p++) {
            assertArrayEquals(twin.parameters().get(p).grad().toRowMajorArray(),
                    model.parameters().get(p).grad().toRowMajorArray(), 0.0,
                    model.parameters().get(p).name());
        }
    }

    private static Sequential classifier(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential(new Linear(8, 16, rng), new ReLU(), new Linear(16, 3, rng),
                new Softmax());
    }

    @Test
    void predictInto_repeatedSameBatch_reusesTheOutputsArray() {
        SplittableRandom rng = new SplittableRandom(24);
        Sequential model = model(rng);
        Matrix x = Matrix.uniform(32, 8, -2, 2, rng);
        Matrix out = Matrix.zeros(0, 0);
        model.predict(x, out);
        double[] first = out.unwrap().data;
        double[] values = out.toRowMajorArray();

        model.predict(Matrix.uniform(7, 8, -2, 2, rng), out);
        model.predict(x, out);

        assertSame(first, out.unwrap().data);
        assertArrayEquals(values, out.toRowMajorArray(), 0.0);
    }
}
