package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The divergence message: where, the rate, and the advice with and without a probe. */
class TrainingDivergedExceptionTest {

    private static final String WHERE = "sine: the loss became NaN at epoch 2, step 20 (batch 4"
            + " of 16); training stopped. The learning rate 0.3 is too large for this problem: ";

    private final TrainingDivergedException diverged = new TrainingDivergedException("sine", 2,
            20, 4, 16, Double.NaN, 0.3);

    @Test
    void message_withoutProbe_suggestsATenth() {
        assertEquals(WHERE + "try a smaller one, e.g. --lr 0.03", diverged.getMessage());
        assertEquals(2, diverged.epoch());
        assertEquals(20, diverged.step());
        assertEquals(0.3, diverged.learningRate());
    }

    @Test
    void withProbe_firstRateTried_namesItAndTheFailedOne() {
        assertEquals(WHERE + "from the same start, --lr 0.03 kept the loss finite for 4 epochs"
                + " (0.3 did not); try it", diverged.withProbe(0.03, 1, 4).getMessage());
    }

    @Test
    void withProbe_laterRate_namesTheRangeThatFailed() {
        TrainingDivergedException probed = diverged.withProbe(0.0003, 3, 1);
        assertEquals(WHERE + "from the same start, --lr 0.0003 kept the loss finite for 1 epoch"
                + " (0.3 to 0.003 did not); try it", probed.getMessage());
        assertEquals(2, probed.epoch());
        assertEquals(20, probed.step());
        assertEquals(Double.NaN, probed.loss());
    }

    @Test
    void withProbe_noRateFound_pointsElsewhere() {
        assertEquals(WHERE + "even --lr 0.0000000000003 did not keep the loss finite for 3 epochs"
                + " from the same start; look for a cause other than the rate, such as inputs far"
                + " from 0", diverged.withProbe(Double.NaN, 12, 3).getMessage());
    }

    @Test
    void resumedFrom_namesTheCheckpointsRate() {
        TrainingDivergedException resumed = diverged.resumedFrom(java.nio.file.Path.of("a.st"),
                2.5);
        assertEquals("sine: the loss became NaN at epoch 2, step 20 (batch 4 of 16); training"
                + " stopped. The learning rate 2.5 is too large for this problem: it came from"
                + " the checkpoint a.st, which --lr does not change; train afresh, without"
                + " --load, with a smaller --lr", resumed.getMessage());
        assertEquals(2.5, resumed.learningRate());
    }

    @Test
    void decimalShiftAndPlain_exactInDecimal() {
        assertEquals(0.03, TrainingDivergedException.decimalShift(0.3, 1));
        assertEquals(3.0, TrainingDivergedException.decimalShift(0.3, -1));
        assertEquals("1000000", TrainingDivergedException.plain(1e6));
        assertEquals("0.00005", TrainingDivergedException.plain(5e-5));
    }
}
