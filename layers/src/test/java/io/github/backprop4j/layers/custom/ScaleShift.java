package io.github.backprop4j.layers.custom;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.layers.Layer;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A layer as a user of the framework would write it, outside its package and with nothing but
 * {@code forward}, {@code backward} and {@code parameters}: a learned scale and shift per
 * column, Y = X ⊙ 1·s + 1·t.
 *
 * <pre>
 *   X (m×n)    s (1×n) scale    t (1×n) shift    Y (m×n)
 *
 *   ∂L/∂s += 1ᵀ·(G ⊙ X)    column sums → (1×n)
 *   ∂L/∂t += 1ᵀ·G          column sums → (1×n)
 *   ∂L/∂X  = G ⊙ 1·s       (m×n)
 * </pre>
 * The shift is declared a {@linkplain Parameter.Layout#VECTOR vector}, as PyTorch stores a bias;
 * the scale keeps the default layout, a (1×n) matrix. It allocates freely, as a first version
 * may.
 */
final class ScaleShift implements Layer {

    private final Parameter scale;
    private final Parameter shift;
    private Matrix input;

    ScaleShift(int width, RandomGenerator rng) {
        scale = new Parameter("scale", Matrix.uniform(1, width, 0.5, 1.5, rng));
        shift = new Parameter("shift", Matrix.uniform(1, width, -0.5, 0.5, rng),
                Parameter.Layout.VECTOR);
    }

    @Override
    public Matrix forward(Matrix x) {
        input = x;
        return scaleColumns(x).plusRow(shift.value());              // Y = X ⊙ 1·s + 1·t
    }

    @Override
    public Matrix backward(Matrix g) {
        MatrixOps.addEquals(scale.grad(), g.elementMult(input).sumCols()); // ∂L/∂s += 1ᵀ(G ⊙ X)
        MatrixOps.addEquals(shift.grad(), g.sumCols());                   // ∂L/∂t += 1ᵀ·G
        return scaleColumns(g);                                           // ∂L/∂X = G ⊙ 1·s
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(scale, shift);
    }

    /** A ⊙ 1·s: column c of {@code a} times s_c. */
    private Matrix scaleColumns(Matrix a) {
        Matrix out = a.copy();
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                out.set(r, c, a.get(r, c) * scale.value().get(0, c));
            }
        }
        return out;
    }
}
