package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Shapes;
import java.util.List;

/**
 * Rectified linear unit, element-wise: Y = max(X, 0).
 *
 * <pre>
 *   X (m×n) input    Y (m×n) output    G = ∂L/∂Y (m×n)
 *
 *   ∂L/∂X = G ⊙ [X &gt; 0]    (m×n) ⊙ (m×n) → (m×n)
 * </pre>
 * {@code [X > 0]} is 1 where the input is positive and 0 elsewhere. ReLU has a kink at 0, where
 * it has no derivative; like PyTorch, this layer uses 0 there. A NaN input gives a NaN output.
 * Derivation and worked example: {@code docs/derivations.md#relu}.
 *
 * <p>The layer keeps no copy of X: {@code Y > 0} exactly where {@code X > 0} (a NaN input gives a
 * NaN output, and neither passes {@code > 0}), so backward reads the mask from Y, the output
 * buffer this layer owns anyway. PyTorch's ReLU does the same.
 *
 * <p>Because of the kink, a finite-difference check is unreliable for inputs within the step h
 * of 0; {@link GradientCheck} detects such crossings through {@link #activePattern(Matrix)}.
 */
public final class ReLU implements Layer {

    private final Matrix output = Matrix.zeros(0, 0);
    private final Matrix gradInput = Matrix.zeros(0, 0);
    private boolean forwardDone;

    /** A ReLU; it has no parameters. */
    public ReLU() {
    }

    /**
     * Computes Y = max(X, 0), which backward also reads for the mask [X &gt; 0] = [Y &gt; 0].
     *
     * @param input X, (m×n). Not modified.
     * @return Y, (m×n). Owned by this layer and overwritten by the next call to {@code forward}.
     */
    @Override
    public Matrix forward(Matrix input) {
        MatrixOps.relu(input, output);  // Y = max(X, 0)
        forwardDone = true;
        return output;
    }

    /**
     * Returns ∂L/∂X; ReLU has no parameters.
     *
     * <pre>
     *   ∂L/∂X = G ⊙ [X &gt; 0]    (m×n), with 0 at the kink X = 0
     * </pre>
     * See {@code docs/derivations.md#relu}.
     *
     * @param gradOutput G = ∂L/∂Y, (m×n). Not modified.
     * @return ∂L/∂X, (m×n). Owned by this layer; overwritten by the next backward call.
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G is not (m×n)
     */
    @Override
    public Matrix backward(Matrix gradOutput) {
        if (!forwardDone) {
            throw new IllegalStateException("ReLU.backward: called before forward;"
                    + " call forward(input) first");
        }
        Shapes.checkSameShape("ReLU.backward", "gradOutput", gradOutput, "output", output);
        MatrixOps.reluBackward(output, gradOutput, gradInput);  // ∂L/∂X = G ⊙ [Y > 0]
        return gradInput;
    }

    /**
     * None.
     *
     * @return an empty list
     */
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Writes which side of the kink each input of the latest forward lay on: 1 where X &gt; 0,
     * 0 elsewhere. {@link GradientCheck} compares these patterns before and after a perturbation
     * to tell when a central difference straddled the kink.
     *
     * @param out reshaped to the input's shape and written
     */
    public void activePattern(Matrix out) {
        MatrixOps.copy(output, out);  // Y > 0 exactly where X > 0
        double[] d = out.unwrap().data;
        for (int i = 0, n = out.size(); i < n; i++) {
            d[i] = d[i] > 0 ? 1 : 0;
        }
    }

    /** Structure: {@code ReLU}. */
    @Override
    public String toString() {
        return "ReLU";
    }
}
