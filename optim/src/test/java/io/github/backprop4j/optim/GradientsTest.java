package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Gradients#clipNorm} on gradients whose norm is easy to see: 3, 0 and 4 make 5. */
class GradientsTest {

    private static final double TOLERANCE = 1e-15;

    /** w with gradient (3, 0) and b with gradient (4): a total norm of 5. */
    private static List<Parameter> threeFourFive() {
        Parameter w = new Parameter("w", Matrix.zeros(1, 2));
        Parameter b = new Parameter("b", Matrix.zeros(1, 1));
        w.grad().set(0, 0, 3);
        b.grad().set(0, 0, 4);
        return List.of(w, b);
    }

    private static double[] grads(List<Parameter> params) {
        double[] w = params.get(0).grad().toRowMajorArray();
        return new double[] {w[0], w[1], params.get(1).grad().get(0, 0)};
    }

    @Test
    void clipNorm_aboveThreshold_scalesAllGradientsTogether() {
        // c = 1 / (5 + 1e-6): the direction (0.6, 0, 0.8) is kept, the length becomes ~1
        List<Parameter> params = threeFourFive();
        double norm = Gradients.clipNorm(params, 1);
        double c = 1 / (5 + 1e-6);
        assertEquals(5.0, norm, 0.0);
        assertArrayEquals(new double[] {3 * c, 0, 4 * c}, grads(params), TOLERANCE);
    }

    @Test
    void clipNorm_belowThreshold_leavesGradientsAlone() {
        List<Parameter> params = threeFourFive();
        assertEquals(5.0, Gradients.clipNorm(params, 10), 0.0);
        assertArrayEquals(new double[] {3, 0, 4}, grads(params), 0.0);
    }

    /** As in PyTorch: the 1e-6 makes c = 5/5.000001 < 1, so a norm at the threshold shrinks. */
    @Test
    void clipNorm_exactlyAtThreshold_scalesByAHairUnderOne() {
        List<Parameter> params = threeFourFive();
        Gradients.clipNorm(params, 5);
        assertArrayEquals(new double[] {3 * 5 / 5.000001, 0, 4 * 5 / 5.000001}, grads(params),
                TOLERANCE);
    }

    @Test
    void clipNorm_zeroGradients_returnsZeroAndChangesNothing() {
        List<Parameter> params = List.of(new Parameter("w", Matrix.zeros(2, 2)));
        assertEquals(0.0, Gradients.clipNorm(params, 1), 0.0);
        assertArrayEquals(new double[4], params.get(0).grad().toRowMajorArray(), 0.0);
        assertEquals(0.0, Gradients.clipNorm(List.of(), 1), 0.0);
    }

    @Test
    void clipNorm_badMaxNorm_throwsNamingValue() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Gradients.clipNorm(threeFourFive(), bad));
            assertEquals("Gradients.clipNorm: maxNorm must be finite and > 0, got " + bad,
                    e.getMessage());
        }
    }

    @Test
    void clipNorm_nonFiniteGradient_throwsNamingItAndChangesNothing() {
        List<Parameter> params = threeFourFive();
        params.get(0).grad().set(0, 1, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gradients.clipNorm(params, 1));
        assertEquals("Gradients.clipNorm: gradients must be finite, got NaN in the gradient of"
                + " Parameter[w 1x2] at (0,1)", e.getMessage());
        assertEquals(4.0, params.get(1).grad().get(0, 0), 0.0);

        List<Parameter> huge = List.of(new Parameter("w", Matrix.rowVector(1e200, 1e200)));
        huge.get(0).grad().set(0, 0, 1e200);
        assertEquals("Gradients.clipNorm: the total norm of the gradients must be finite, got"
                + " Infinity (the sum of their squares overflows)",
                assertThrows(IllegalArgumentException.class, () -> Gradients.clipNorm(huge, 1))
                        .getMessage());
    }
}
