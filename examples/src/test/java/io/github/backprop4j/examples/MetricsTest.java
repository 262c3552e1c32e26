package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import org.junit.jupiter.api.Test;

/** Each metric against a value computed by hand. */
class MetricsTest {

    private static final double EXACT = 1e-12;

    @Test
    void mse_twoByTwo_meanOverAllFourEntries() {
        Matrix p = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix t = Matrix.of(new double[][] {{1, 0}, {0, 4}});

        // squared errors 0, 4, 9, 0 → 13 / 4
        assertEquals(3.25, Metrics.mse(p, t), EXACT);
        assertEquals(Math.sqrt(3.25), Metrics.rmse(p, t), EXACT);
    }

    @Test
    void rSquared_handComputed() {
        Matrix truth = Matrix.columnVector(1, 2, 3, 4);      // mean 2.5, Σ(y − ȳ)² = 5
        Matrix predicted = Matrix.columnVector(1, 2, 3, 5);  // Σ(ŷ − y)² = 1

        assertEquals(1 - 1.0 / 5, Metrics.rSquared(predicted, truth), EXACT);
        assertEquals(0, Metrics.rSquared(Matrix.filled(4, 1, 2.5), truth), EXACT);
    }

    @Test
    void accuracy_twoOfThreeRowsRight() {
        Matrix scores = Matrix.of(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6},
            {0.5, 0.4, 0.1}});
        Matrix oneHot = Matrix.of(new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}});

        assertEquals(2.0 / 3, Metrics.accuracy(scores, oneHot), EXACT);
    }

    @Test
    void mse_differentShapes_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mse(Matrix.zeros(3, 1), Matrix.zeros(1, 3)));

        assertTrue(e.getMessage().contains("3x1") && e.getMessage().contains("1x3"),
                e.getMessage());
    }
}
