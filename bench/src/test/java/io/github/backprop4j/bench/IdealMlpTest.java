package io.github.backprop4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ideal step is the yardstick only if it does the framework's arithmetic: from the same
 * seeds, both give the same losses and outputs, step after step, with SGD and with Adam.
 */
class IdealMlpTest {

    private static final int STEPS = 20;
    /** Both sides perform the same floating-point operations in the same order. */
    private static final double SAME_ARITHMETIC = 0.0;

    @ParameterizedTest
    @CsvSource({"T, sgd", "S, sgd", "M, sgd", "T, adam", "S, adam", "M, adam"})
    void step_sameSeeds_matchesTheFrameworkBitForBit(MlpConfig c, String optimizer) {
        int[] widths = c.widths();
        SplittableRandom data = new SplittableRandom(1);
        Matrix x = Matrix.normal(c.batch(), widths[0], 0, 1, data);
        Matrix t = Matrix.normal(c.batch(), widths[widths.length - 1], 0, 1, data);
        FrameworkMlp framework = new FrameworkMlp(widths, new SplittableRandom(0), optimizer);
        IdealMlp ideal = optimizer.equals("adam")
                ? IdealMlp.adam(widths, x.toEjml(), t.toEjml(), FrameworkMlp.ADAM_LEARNING_RATE,
                        Kernels.current(), new SplittableRandom(0))
                : new IdealMlp(widths, x.toEjml(), t.toEjml(), FrameworkMlp.LEARNING_RATE,
                        FrameworkMlp.MOMENTUM, Kernels.current(), new SplittableRandom(0));

        double[] expected = new double[STEPS];
        double[] actual = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            expected[i] = framework.step(x, t);
            actual[i] = ideal.step();
        }

        assertArrayEquals(expected, actual, SAME_ARITHMETIC);
        assertArrayEquals(framework.infer(x).toRowMajorArray(), ideal.forward().data,
                SAME_ARITHMETIC);
    }
}
