package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    /** calculate_gain's values, as PyTorch 1.13 prints them. */
    @Test
    void gain_matchesPyTorchCalculateGain() {
        assertEquals(1.0, Nonlinearity.LINEAR.gain(), 0.0);
        assertEquals(1.0, Nonlinearity.SIGMOID.gain(), 0.0);
        assertEquals(1.6666666666666667, Nonlinearity.TANH.gain(), 0.0);
        assertEquals(1.4142135623730951, Nonlinearity.RELU.gain(), 0.0);
        assertEquals(1.4141428569978354, Nonlinearity.LEAKY_RELU.gain(), 0.0);
        assertEquals(1.3867504905630728, Nonlinearity.LEAKY_RELU.gain(0.2), 0.0);
        assertEquals(Math.sqrt(2), Nonlinearity.RELU.gain(0.2), 0.0);
    }

    /**
     * Each rule against its formula: the bound of the uniform ones (reached, never passed), and
     * the standard deviation of all four, over 120,000 draws from a fixed seed.
     */
    @ParameterizedTest(name = "{0} gain {1} {2}")
    @CsvSource({"xavierUniform, 1.0, FAN_IN", "xavierUniform, 1.6666666666666667, FAN_IN",
        "xavierNormal, 1.0, FAN_IN", "xavierNormal, 1.6666666666666667, FAN_IN",
        "kaimingUniform, 1.4142135623730951, FAN_IN", "kaimingUniform, 1.0, FAN_OUT",
        "kaimingNormal, 1.4142135623730951, FAN_IN", "kaimingNormal, 1.3867504905630728, FAN_OUT"})
    void init_fixedSeed_followsItsFormula(String rule, double gain, Init.FanMode mode) {
        int fanIn = 300;
        int fanOut = 400;
        Init init = init(rule, gain, mode);
        Matrix w = init.weight(fanIn, fanOut, new SplittableRandom(11));
        assertEquals(fanIn, w.rows());
        assertEquals(fanOut, w.cols());
        double std = rule.startsWith("xavier")
                ? gain * Math.sqrt(2.0 / (fanIn + fanOut))                 // Glorot & Bengio
                : gain / Math.sqrt(mode == Init.FanMode.FAN_IN ? fanIn : fanOut); // He et al.
        assertEquals(std, std(w), MOMENT_TOLERANCE * std);
        assertEquals(0, w.sum() / w.size(), MOMENT_TOLERANCE * std);
        if (rule.endsWith("Uniform")) {
            double bound = Math.sqrt(3) * std;
            assertTrue(max(w) < bound && min(w) >= -bound, "within ±" + bound);
            assertTrue(max(w) > 0.999 * bound && min(w) < -0.999 * bound, "fills ±" + bound);
        }
        assertArrayEquals(w.toRowMajorArray(),
                init.weight(fanIn, fanOut, new SplittableRandom(11)).toRowMajorArray(), 0.0,
                "the same seed gives the same bits");
    }

    private static Init init(String rule, double gain, Init.FanMode mode) {
        switch (rule) {
            case "xavierUniform":
                return Init.xavierUniform(gain);
            case "xavierNormal":
                return Init.xavierNormal(gain);
            case "kaimingUniform":
                return Init.kaimingUniform(gain, mode);
            default:
                return Init.kaimingNormal(gain, mode);
        }
    }

    /** PyTorch's defaults: Xavier with gain 1, Kaiming with gain √2 in fan-in mode. */
    @Test
    void defaults_areTorchsDefaults() {
        assertArrayEquals(Init.kaimingUniform(Math.sqrt(2), Init.FanMode.FAN_IN)
                .weight(5, 7, new SplittableRandom(3)).toRowMajorArray(),
                Init.kaimingUniform().weight(5, 7, new SplittableRandom(3)).toRowMajorArray(), 0);
        assertArrayEquals(Init.kaimingNormal(Math.sqrt(2), Init.FanMode.FAN_IN)
                .weight(5, 7, new SplittableRandom(3)).toRowMajorArray(),
                Init.kaimingNormal().weight(5, 7, new SplittableRandom(3)).toRowMajorArray(), 0);
        assertArrayEquals(Init.xavierUniform(1).weight(5, 7, new SplittableRandom(3))
                .toRowMajorArray(), Init.xavierUniform().weight(5, 7, new SplittableRandom(3))
                .toRowMajorArray(), 0);
        assertArrayEquals(Initializers.pytorchLinear(5, 7, 5, new SplittableRandom(3))
                .toRowMajorArray(), Init.pytorchDefault().weight(5, 7, new SplittableRandom(3))
                .toRowMajorArray(), 0);
    }

    @Test
    void badGain_throwsNamingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Init.kaimingUniform(-1.0, Init.FanMode.FAN_IN));
        assertEquals("Init.kaimingUniform: gain must be positive and finite, got -1.0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.xavierNormal(3, 0, 1.0, new SplittableRandom(1)));
        assertEquals("Initializers.xavierNormal: fanOut must be positive, got 0", e.getMessage());
    }

    /** Each rule and each matrix factory checks its gain and fans, and says which it is. */
    @Test
    void badGainOrFan_eachRuleAndFactory_throwsNamingItself() {
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals("Init.xavierUniform: gain must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(0.0))
                        .getMessage());
        assertEquals("Init.xavierNormal: gain must be positive and finite, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> Init.xavierNormal(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("Init.kaimingNormal: gain must be positive and finite, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> Init.kaimingNormal(Double.NaN, Init.FanMode.FAN_IN)).getMessage());
        assertEquals("Initializers.pytorchLinear: fanIn must be positive, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Initializers.pytorchLinear(2, 3, 0, rng)).getMessage());
        assertEquals("Initializers.heNormal: fanOut must be positive, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Initializers.heNormal(3, 0, rng)).getMessage());
        assertEquals("Initializers.kaimingNormal: fanIn must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> Initializers.kaimingNormal(
                        0, 3, 1.0, Init.FanMode.FAN_OUT, rng)).getMessage());
        assertEquals("Initializers.xavierUniform: gain must be positive and finite, got -2.0",
                assertThrows(IllegalArgumentException.class,
                        () -> Initializers.xavierUniform(3, 4, -2.0, rng)).getMessage());
    }

    /** Xavier normal with gain 1 is the same rule as with gain given explicitly as 1. */
    @Test
    void xavierNormal_default_isGainOne() {
        assertArrayEquals(Init.xavierNormal(1).weight(5, 7, new SplittableRandom(3))
                .toRowMajorArray(), Init.xavierNormal().weight(5, 7, new SplittableRandom(3))
                .toRowMajorArray(), 0);
    }
}
