package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * What every layer promises, checked once here for each layer whose test extends this class:
 * its backward matches central differences on any shape, it refuses a backward before a forward
 * and a gradient of the wrong shape, it modifies neither argument, it reuses its buffers, and it
 * sets the requiresGrad flag of its output. A layer's own test adds its worked example from
 * {@code docs/derivations.md} and whatever is particular to it.
 *
 * <p>The properties run on jqwik (a fixed seed, so every run checks the same cases), the other
 * tests on JUnit Jupiter.
 */
abstract class LayerContractTest {

    private static final int TRIES = 40;
    /** jqwik draws from a fixed seed, so every run checks the same cases. */
    private static final String SEED = "20261128";
    /** The batch of the example-based tests below. */
    private static final int ROWS = 4;
    private static final int WIDTH = 3;

    /**
     * A new layer that takes {@code width} input columns.
     *
     * @param width the number of input columns, 1 to 6
     * @param rng   the source of its parameters, if any
     * @return the layer under test
     */
    abstract Layer newLayer(int width, RandomGenerator rng);

    /**
     * An input at which the layer's gradient can be checked: away from kinks, if it has any.
     * The default draws uniformly from [−1, 1).
     */
    Matrix input(int rows, int cols, RandomGenerator rng) {
        return TestData.uniform(rows, cols, rng);
    }

    /** The gradient check of the property below; the default demands 1e-7. */
    GradientCheck gradientCheck() {
        return TestData.strictCheck();
    }

    /**
     * Checks a worked example of {@code docs/derivations.md}: forward of X gives Y and backward
     * of G gives ∂L/∂X, each entry within {@code tolerance}.
     */
    static void assertWorkedExample(Layer layer, Matrix x, double[] y, Matrix g, double[] gradX,
                                    double tolerance) {
        assertArrayEquals(y, layer.forward(x).toRowMajorArray(), tolerance, "Y");
        assertArrayEquals(gradX, layer.backward(g).toRowMajorArray(), tolerance, "∂L/∂X");
    }

    @Property(tries = TRIES, seed = SEED)
    void backward_anyShape_gradientsMatchCentralDifferences(
            @ForAll @IntRange(min = 1, max = 6) int m, @ForAll @IntRange(min = 1, max = 6) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        gradientCheck().assertGradients(newLayer(n, rng), input(m, n, rng), rng);
    }

    @Test
    void backward_beforeForward_throwsIllegalStateNamingTheLayer() {
        Layer layer = newLayer(WIDTH, new SplittableRandom(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.backward(Matrix.zeros(ROWS, WIDTH)));
        assertEquals(layer.getClass().getSimpleName() + ".backward: called before forward;"
                + " call forward(input) first", e.getMessage());
    }

    @Test
    void backward_wrongGradShape_throwsWithBothShapes() {
        SplittableRandom rng = new SplittableRandom(2);
        Layer layer = newLayer(WIDTH, rng);
        Matrix y = layer.forward(input(ROWS, WIDTH, rng));
        String expected = y.rows() + "x" + y.cols();
        String wrong = y.rows() + "x" + (y.cols() + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.backward(Matrix.zeros(y.rows(), y.cols() + 1)));
        assertTrue(e.getMessage().contains(".backward") && e.getMessage().contains(expected)
                && e.getMessage().contains(wrong), e.getMessage());
    }

    @Property(tries = TRIES, seed = SEED)
    void forwardAndBackward_anyShape_modifyNeitherArgument(
            @ForAll @IntRange(min = 1, max = 6) int m, @ForAll @IntRange(min = 1, max = 6) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Layer layer = newLayer(n, rng);
        Matrix x = input(m, n, rng).requiresGrad(true);
        double[] xBefore = x.toRowMajorArray();
        Matrix y = layer.forward(x);
        Matrix g = TestData.uniform(y.rows(), y.cols(), rng);
        double[] gBefore = g.toRowMajorArray();
        layer.backward(g);
        assertArrayEquals(xBefore, x.toRowMajorArray());
        assertArrayEquals(gBefore, g.toRowMajorArray());
    }

    @Test
    void forwardAndBackward_sameBatchSize_reuseTheirBuffersAndGiveTheInputsShape() {
        SplittableRandom rng = new SplittableRandom(4);
        Layer layer = newLayer(WIDTH, rng);
        Matrix x = input(ROWS, WIDTH, rng).requiresGrad(true);
        Matrix y = layer.forward(x);
        Matrix g = TestData.uniform(y.rows(), y.cols(), rng);
        assertSame(y, layer.forward(x));
        Matrix gradX = layer.backward(g);
        assertSame(gradX, layer.backward(g));
        assertEquals(ROWS, gradX.rows());
        assertEquals(WIDTH, gradX.cols());
    }

    /**
     * An input that does not require grad, such as data, may spare a layer ∂L/∂X, never change
     * its parameter gradients: they are those of an input that does, bit for bit.
     */
    @Test
    void backward_inputNotRequiringGrad_addsExactlyTheSameParameterGradients() {
        SplittableRandom rng = new SplittableRandom(9);
        Layer full = newLayer(WIDTH, new SplittableRandom(10));
        Layer paramsOnly = newLayer(WIDTH, new SplittableRandom(10));
        Matrix x = input(ROWS, WIDTH, rng);
        Matrix g = TestData.uniform(ROWS, full.outputWidth(WIDTH), rng);
        full.forward(x.copy().requiresGrad(true));
        full.backward(g);
        paramsOnly.forward(x);
        paramsOnly.backward(g);
        for (int i = 0; i < full.parameters().size(); i++) {
            Parameter expected = full.parameters().get(i);
            assertArrayEquals(expected.grad().toRowMajorArray(),
                    paramsOnly.parameters().get(i).grad().toRowMajorArray(), 0.0,
                    expected.name());
        }
    }

    @Test
    void forward_outputRequiresGradExactlyWhenInputOrAParameterDoes() {
        SplittableRandom rng = new SplittableRandom(6);
        Layer layer = newLayer(WIDTH, rng);
        boolean hasParameters = !layer.parameters().isEmpty();
        assertEquals(hasParameters, layer.forward(input(ROWS, WIDTH, rng)).requiresGrad());
        assertTrue(layer.forward(input(ROWS, WIDTH, rng).requiresGrad(true)).requiresGrad());
    }

    @Test
    void outputWidth_agreesWithForward() {
        SplittableRandom rng = new SplittableRandom(7);
        Layer layer = newLayer(WIDTH, rng);
        assertEquals(layer.forward(input(ROWS, WIDTH, rng)).cols(), layer.outputWidth(WIDTH));
    }

    @Test
    void zeroGrad_afterBackward_clearsEveryParameterGradient() {
        SplittableRandom rng = new SplittableRandom(8);
        Layer layer = newLayer(WIDTH, rng);
        Matrix y = layer.forward(input(ROWS, WIDTH, rng));
        layer.backward(TestData.uniform(y.rows(), y.cols(), rng));
        layer.zeroGrad();
        for (Parameter p : layer.parameters()) {
            assertEquals(0, p.grad().maxAbsDifference(Matrix.zeros(p.grad().rows(),
                    p.grad().cols())), p.name());
        }
    }
}
