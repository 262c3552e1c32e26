package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossEntropyLossTest extends LossContractTest {

    private static final double DOC = 1e-15;

    @Override
    Loss newLoss() {
        return new CrossEntropyLoss(0.1);
    }

    /** Logits on [−3, 3). */
    @Override
    Matrix prediction(int rows, int cols, RandomGenerator rng) {
        return Matrix.uniform(rows, cols, -3, 3, rng);
    }

    /** Random class probabilities: a softmax of random numbers. */
    @Override
    Matrix target(Matrix logits, RandomGenerator rng) {
        return new Softmax().forward(prediction(logits.rows(), logits.cols(), rng)).copy();
    }

    @Override
    boolean onLogits() {
        return true;
    }

    /** The worked example of docs/derivations.md#cross-entropy, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        Matrix logits = Matrix.of(new double[][] {{0, Math.log(3), Math.log(4)}, {0, 0, 0}});
        CrossEntropyLoss loss = new CrossEntropyLoss();
        assertEquals((Math.log(2) + Math.log(3)) / 2, loss.forward(logits, new int[] {2, 0}),
                DOC);
        assertArrayEquals(new double[] {0.0625, 0.1875, -0.25, -1.0 / 3, 1.0 / 6, 1.0 / 6},
                loss.backward().toRowMajorArray(), DOC);

        Matrix first = Matrix.rowVector(0, Math.log(3), Math.log(4));
        CrossEntropyLoss smoothed = new CrossEntropyLoss(0.3);
        assertEquals(-(0.1 * Math.log(0.125) + 0.1 * Math.log(0.375) + 0.8 * Math.log(0.5)),
                smoothed.forward(first, new int[] {2}), DOC);
        assertArrayEquals(new double[] {0.025, 0.275, -0.3}, smoothed.backward().toRowMajorArray(),
                DOC);

        CrossEntropyLoss extreme = new CrossEntropyLoss();
        assertEquals(2000, extreme.forward(Matrix.rowVector(1000, -1000), new int[] {1}), 0.0);
        assertArrayEquals(new double[] {1, -1}, extreme.backward().toRowMajorArray(), 0.0);
    }

    @Test
    void forwardAndBackward_matchPyTorch() {
        for (String name : new String[] {"cross_entropy.probabilities",
            "cross_entropy.probabilities_smoothing_0.25"}) {
            double smoothing = name.endsWith("0.25") ? 0.25 : 0.0;
            TorchReference.assertLossMatches(new CrossEntropyLoss(smoothing), name);
        }
        for (String name : new String[] {"cross_entropy.classes",
            "cross_entropy.classes_smoothing_0.1"}) {
            CrossEntropyLoss loss = new CrossEntropyLoss(name.endsWith("0.1") ? 0.1 : 0.0);
            double value = loss.forward(TorchReference.get(name + ".prediction"),
                    TorchReference.classes(name + ".target"));
            TorchReference.assertClose(TorchReference.get(name + ".loss").get(0, 0), value, name);
            TorchReference.assertClose(TorchReference.get(name + ".grad"), loss.backward(), name);
        }
    }

    /** Class indices and their one-hot rows are the same loss, bit for bit. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.2})
    void forward_classIndices_sameAsOneHotRows(double smoothing) {
        SplittableRandom rng = new SplittableRandom(7);
        Matrix logits = prediction(5, 4, rng);
        int[] classes = {3, 0, 1, 3, 2};
        Matrix oneHot = Matrix.zeros(5, 4);
        for (int r = 0; r < 5; r++) {
            oneHot.set(r, classes[r], 1);
        }
        CrossEntropyLoss byIndex = new CrossEntropyLoss(smoothing);
        CrossEntropyLoss byRow = new CrossEntropyLoss(smoothing);
        assertEquals(byRow.forward(logits, oneHot), byIndex.forward(logits, classes), 0.0);
        assertArrayEquals(byRow.backward().toRowMajorArray(),
                byIndex.backward().toRowMajorArray(), 0.0);
    }

    @Test
    void forward_logitsOfPlusMinus1000_finite() {
        CrossEntropyLoss loss = new CrossEntropyLoss(0.1);
        Matrix logits = Matrix.of(new double[][] {{1000, -1000, 0}, {-1000, -1000, -1000}});
        double value = loss.forward(logits, new int[] {0, 2});
        assertTrue(Double.isFinite(value), "loss " + value);
        for (double g : loss.backward().toRowMajorArray()) {
            assertTrue(Double.isFinite(g), "gradient " + g);
        }
    }

    @Test
    void forward_classIndexOutOfRange_throwsNamingRowAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Matrix.zeros(5, 4), new int[] {0, 1, 2, 7,
                    0}));
        assertEquals("CrossEntropyLoss.forward: class index of row 3 must be in [0, 4), got 7",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Matrix.zeros(2, 4), new int[] {-1, 0}));
        assertEquals("CrossEntropyLoss.forward: class index of row 0 must be in [0, 4), got -1",
                e.getMessage());
    }

    @Test
    void forward_wrongNumberOfClassIndices_throwsWithShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Matrix.zeros(6, 4), new int[5]));
        assertEquals("CrossEntropyLoss.forward: classes must have one index per row of logits"
                + " (6x4), got 5 indices", e.getMessage());
    }

    @Test
    void forward_badProbabilities_throwNamingRowAndValue() {
        Matrix logits = Matrix.zeros(3, 2);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits,
                        Matrix.of(new double[][] {{1, 0}, {1.5, -0.5}, {0, 1}})));
        assertEquals("CrossEntropyLoss.forward: target of row 1, column 0 must be a probability"
                + " in [0, 1], got 1.5", negative.getMessage());
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits,
                        Matrix.of(new double[][] {{1, 0}, {0.5, 0.5}, {0.25, 0.5}})));
        assertEquals("CrossEntropyLoss.forward: target row 2 must sum to 1 (class probabilities),"
                + " got 0.75", sum.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits,
                        Matrix.of(new double[][] {{1, 0}, {Double.NaN, 1}, {0, 1}})));
        assertEquals("CrossEntropyLoss.forward: target of row 1, column 0 must be a probability"
                + " in [0, 1], got NaN", nan.getMessage());
    }

    @Test
    void forward_rowSumWithinTolerance_accepted() {
        double off = 1 + 0.5e-9;
        double value = new CrossEntropyLoss().forward(Matrix.rowVector(0, 0),
                Matrix.rowVector(0.5, off - 0.5));
        assertEquals(Math.log(2), value, 1e-8);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, Double.NaN})
    void constructor_smoothingOutsideZeroOne_throws(double smoothing) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss(smoothing));
        assertEquals("CrossEntropyLoss: labelSmoothing must be in [0, 1), got " + smoothing,
                e.getMessage());
    }

    @Test
    void toString_namesSmoothing() {
        assertEquals("CrossEntropyLoss(labelSmoothing=0.1)", new CrossEntropyLoss(0.1).toString());
    }
}
