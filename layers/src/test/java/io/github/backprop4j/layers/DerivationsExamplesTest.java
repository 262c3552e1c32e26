package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/derivations.md, number for number. */
class DerivationsExamplesTest {

    /** The examples' decimals such as 0.1 are not exact in binary; everything else is. */
    private static final double DOC = 1e-12;

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    private static void assertMatrix(Matrix expected, Matrix actual) {
        assertEquals(expected.rows(), actual.rows(), "rows");
        assertEquals(expected.cols(), actual.cols(), "cols");
        assertArrayEquals(expected.toRowMajorArray(), actual.toRowMajorArray(), DOC);
    }

    private static Linear linear(Matrix w, Matrix b) {
        Linear layer = new Linear(w.rows(), w.cols(), new SplittableRandom(0));
        MatrixOps.copy(w, layer.weight().value());
        MatrixOps.copy(b, layer.bias().value());
        return layer;
    }

    @Test
    void linear_documentedExample_matchesHandComputedValues() {
        Linear layer = linear(m(new double[] {0.5, -1, 2}, new double[] {1, 0, -0.5}),
                m(new double[] {0.1, 0.2, 0.3}));
        Matrix x = m(new double[] {1, 2}, new double[] {3, -1});
        Matrix g = m(new double[] {1, 0, -1}, new double[] {2, 1, 0});

        assertMatrix(m(new double[] {2.6, -0.8, 1.3}, new double[] {0.6, -2.8, 6.8}),
                layer.forward(x));
        Matrix gradX = layer.backward(g);
        assertMatrix(m(new double[] {7, 3, -1}, new double[] {0, -1, -2}), layer.weight().grad());
        assertMatrix(m(new double[] {3, 1, -1}), layer.bias().grad());
        assertMatrix(m(new double[] {-1.5, 1.5}, new double[] {0, 2}), gradX);
    }

    @Test
    void relu_documentedExample_matchesHandComputedValues() {
        ReLU relu = new ReLU();
        assertMatrix(m(new double[] {0, 0.5}, new double[] {0, 3}),
                relu.forward(m(new double[] {-2, 0.5}, new double[] {0, 3})));
        assertMatrix(m(new double[] {0, 20}, new double[] {0, 40}),
                relu.backward(m(new double[] {10, 20}, new double[] {30, 40})));
    }

    @Test
    void softmax_documentedExample_matchesHandComputedValues() {
        Softmax softmax = new Softmax();
        Matrix p = softmax.forward(m(new double[] {0, Math.log(3), Math.log(4)}));
        assertMatrix(m(new double[] {0.125, 0.375, 0.5}), p);
        Matrix gradZ = softmax.backward(m(new double[] {1, 2, 4}));
        assertMatrix(m(new double[] {-0.234375, -0.328125, 0.5625}), gradZ);
        assertMatrix(m(new double[] {-15.0 / 64, -21.0 / 64, 36.0 / 64}), gradZ);

        // the Jacobian J = diag(p) − p·pᵀ of the document, applied as gᵀ·J
        Matrix jacobian = m(new double[] {7, -3, -4}, new double[] {-3, 15, -12},
                new double[] {-4, -12, 16}).scale(1.0 / 64);
        Matrix pColumn = Matrix.columnVector(0.125, 0.375, 0.5);
        Matrix formed = Matrix.zeros(3, 3);
        for (int i = 0; i < 3; i++) {
            formed.set(i, i, pColumn.get(i, 0));
        }
        assertMatrix(jacobian, formed.minus(pColumn.multTransB(pColumn)));
        assertMatrix(gradZ, m(new double[] {1, 2, 4}).mult(jacobian));

        Matrix shifted = new Softmax().forward(
                m(new double[] {1000, 1000 + Math.log(3), 1000 + Math.log(4)}));
        assertMatrix(m(new double[] {0.125, 0.375, 0.5}), shifted);
    }

    @Test
    void mse_documentedExample_meanOverAllFourElements() {
        Matrix prediction = m(new double[] {0.5, 1}, new double[] {2, -1});
        Matrix target = m(new double[] {1, 1}, new double[] {0, 0});
        MSELoss mean = new MSELoss();
        assertEquals(1.3125, mean.forward(prediction, target), DOC);
        assertMatrix(m(new double[] {-0.25, 0}, new double[] {1, -0.5}), mean.backward());

        MSELoss sum = new MSELoss(Reduction.SUM);
        assertEquals(5.25, sum.forward(prediction, target), DOC);
        assertMatrix(m(new double[] {-1, 0}, new double[] {4, -2}), sum.backward());
    }

    @Test
    void sequential_documentedExample_chainRuleLayerByLayer() {
        Linear first = linear(m(new double[] {1, -1}, new double[] {0.5, 1}),
                m(new double[] {0, -3}));
        Linear second = linear(m(new double[] {1.5}, new double[] {-1}), m(new double[] {0.5}));
        Sequential model = new Sequential(first, new ReLU(), second);
        MSELoss loss = new MSELoss();

        Matrix y = model.forward(m(new double[] {1, 2}));
        assertMatrix(m(new double[] {3.5}), y);
        assertEquals(0.25, loss.forward(y, m(new double[] {3})), DOC);
        Matrix gradY = loss.backward();
        assertMatrix(m(new double[] {1}), gradY);

        Matrix gradX = model.backward(gradY);
        assertMatrix(m(new double[] {2}, new double[] {0}), second.weight().grad());
        assertMatrix(m(new double[] {1}), second.bias().grad());
        assertMatrix(m(new double[] {1.5, 0}, new double[] {3, 0}), first.weight().grad());
        assertMatrix(m(new double[] {1.5, 0}), first.bias().grad());
        assertMatrix(m(new double[] {1.5, 0.75}), gradX);
    }
}
