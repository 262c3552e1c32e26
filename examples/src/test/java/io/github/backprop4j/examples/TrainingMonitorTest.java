package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor: weighted epoch means, and the stop on a non-finite loss. */
class TrainingMonitorTest {

    private static final double EXACT = 1e-12;

    /** Five rows in batches of 2, 2 and 1. */
    private static final Batches LOADER = new Batches(new Dataset(Matrix.zeros(5, 1),
            Matrix.zeros(5, 1)), 2);

    private static int[] batchSizes(int epoch, TrainingMonitor monitor, double... losses) {
        List<Integer> sizes = new ArrayList<>();
        int i = 0;
        for (Batch b : LOADER.epoch()) {
            monitor.batchLoss(epoch, b, losses[i++]);
            sizes.add(b.size());
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void endEpoch_meanWeightedByBatchRows() {
        Hyperparameters h = new Hyperparameters(2, 0.1, 0, 2, 1);
        TrainingMonitor monitor = new TrainingMonitor("t", h, LOADER.batchesPerEpoch());

        assertArrayEquals(new int[] {2, 2, 1}, batchSizes(1, monitor, 1, 2, 4));
        double first = monitor.endEpoch(1);
        batchSizes(2, monitor, 0, 0, 5);
        monitor.endEpoch(2);

        assertEquals((2 * 1 + 2 * 2 + 1 * 4) / 5.0, first, EXACT);
        assertArrayEquals(new double[] {2.0, 1.0}, monitor.history(), EXACT);
    }

    @Test
    void batchLoss_nan_throwsWithEpochStepAndBatch() {
        Hyperparameters h = new Hyperparameters(3, 0.5, 0, 2, 1);
        TrainingMonitor monitor = new TrainingMonitor("demo", h, LOADER.batchesPerEpoch());
        batchSizes(1, monitor, 1, 1, 1);
        monitor.endEpoch(1);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> batchSizes(2, monitor, 1, Double.NaN, 1));

        assertEquals(2, e.epoch());
        assertEquals(5, e.step());
        assertEquals("demo: the loss became NaN at epoch 2, step 5 (batch 2 of 3); training"
                + " stopped. The learning rate 0.5 is too large for this problem: try a smaller"
                + " one, e.g. --lr 0.05", e.getMessage());
    }

    @Test
    void batchLoss_infinity_throws() {
        Hyperparameters h = new Hyperparameters(1, 0.5, 0, 2, 1);
        TrainingMonitor monitor = new TrainingMonitor("demo", h, LOADER.batchesPerEpoch());

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> batchSizes(1, monitor, Double.POSITIVE_INFINITY, 1, 1));

        assertEquals(1, e.step());
        assertTrue(e.getMessage().contains("became Infinity"), e.getMessage());
    }
}
