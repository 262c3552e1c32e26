package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The edges of what a split and a data set accept. */
class DataEdgesTest {

    private static Dataset rows(int n) {
        return new Dataset(Matrix.zeros(n, 1), Matrix.zeros(n, 1));
    }

    @Test
    void random_fractionZero_isOutsideTheOpenInterval() {
        assertEquals("Split.random: testFraction must be in (0, 1), got 0.0", assertThrows(
                IllegalArgumentException.class,
                () -> Split.random(rows(10), 0.0, new SplittableRandom(1))).getMessage());
    }

    /** round(0.96·10) = 10 test rows would leave none for training. */
    @Test
    void random_fractionRoundingToEveryRow_throws() {
        assertEquals("Split.random: testFraction must leave at least one row in each part, got"
                + " 0.96 of 10 rows, that is 10 test rows", assertThrows(
                IllegalArgumentException.class,
                () -> Split.random(rows(10), 0.96, new SplittableRandom(1))).getMessage());
    }

    /** One test row and one training row are enough. */
    @Test
    void random_oneRowInEachPart_isAccepted() {
        Split split = Split.random(rows(2), 0.5, new SplittableRandom(2));
        assertEquals(1, split.test().size());
        assertEquals(1, split.train().size());
    }

    @Test
    void dataset_infiniteTarget_throwsWithItsPlace() {
        Matrix targets = Matrix.of(new double[][] {{1}, {Double.POSITIVE_INFINITY}});
        assertEquals("Dataset: targets must be finite, got Infinity at (1,0) of the 2x1 matrix",
                assertThrows(IllegalArgumentException.class,
                        () -> new Dataset(Matrix.zeros(2, 1), targets)).getMessage());
    }
}
