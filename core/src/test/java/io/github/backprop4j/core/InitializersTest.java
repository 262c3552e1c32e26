package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitializersTest {

    private static final double MOMENT_TOLERANCE = 0.02;

    private static double max(Matrix m) {
        double v = Double.NEGATIVE_INFINITY;
        for (double d : m.toRowMajorArray()) {
            v = Math.max(v, d);
        }
        return v;
    }

    private static double min(Matrix m) {
        return -max(m.scale(-1));
    }

    private static double std(Matrix m) {
        double mean = m.sum() / m.size();
        return Math.sqrt(MatrixOps.sumSquaredDifference(m, Matrix.filled(m.rows(), m.cols(), mean)) / m.size());
    }

    @Test
    void pytorchLinear_staysWithinOneOverSqrtFanIn() {
        Matrix w = Initializers.pytorchLinear(400, 100, 16, new SplittableRandom(1));
        assertTrue(max(w) < 0.25 && min(w) >= -0.25);
        assertTrue(max(w) > 0.249 && min(w) < -0.249, "should fill the interval");
        // U(−a, a) has standard deviation a/√3
        assertEquals(0.25 / Math.sqrt(3), std(w), MOMENT_TOLERANCE * 0.25);
    }

    @Test
    void pytorchLinear_sameSeed_sameBits() {
        assertArrayEquals(Initializers.pytorchLinear(3, 4, 3, new SplittableRandom(5)).toRowMajorArray(),
                Initializers.pytorchLinear(3, 4, 3, new SplittableRandom(5)).toRowMajorArray(), 0);
    }

    @Test
    void xavierUniform_boundIsSqrtSixOverFanSum() {
        Matrix w = Initializers.xavierUniform(200, 400, new SplittableRandom(2));
        double a = Math.sqrt(6.0 / 600);
        assertTrue(max(w) < a && min(w) >= -a);
        assertEquals(a / Math.sqrt(3), std(w), MOMENT_TOLERANCE * a);
    }

    @Test
    void xavierNormal_andHeNormal_haveTheirStandardDeviations() {
        Matrix x = Initializers.xavierNormal(300, 500, new SplittableRandom(3));
        assertEquals(Math.sqrt(2.0 / 800), std(x), MOMENT_TOLERANCE * Math.sqrt(2.0 / 800));
        Matrix h = Initializers.heNormal(300, 500, new SplittableRandom(4));
        assertEquals(Math.sqrt(2.0 / 300), std(h), MOMENT_TOLERANCE * Math.sqrt(2.0 / 300));
        assertEquals(500, h.cols());
    }

    @Test
    void zeros_isZero() {
        assertTrue(Initializers.zeros(2, 3).approxEquals(Matrix.zeros(2, 3), 0));
    }

    @Test
    void nonPositiveFan_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.heNormal(0, 3, new SplittableRandom(1)));
        assertEquals("Initializers.heNormal: fanIn must be positive, got 0", e.getMessage());
    }
}
