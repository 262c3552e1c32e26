package io.github.backprop4j.layers;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Rectified linear unit, element-wise: Y = max(X, 0).
 *
 * <pre>
 *   X (m×n) input    Y (m×n) output    G = ∂L/∂Y (m×n)
 *
 *   ∂L/∂X = G ⊙ [X &gt; 0]    (m×n) ⊙ (m×n) → (m×n)
 * </pre>
 * {@code [X > 0]} is 1 where the input is positive and 0 elsewhere. ReLU has a kink at 0, where
 * it has no derivative; like PyTorch, this layer uses 0 there. A NaN input gives a NaN output
 * and a zero gradient. Derivation and worked example: {@code docs/derivations.md#relu}.
 *
 * <p>Because of the kink, a finite-difference check is unreliable for inputs within the step h
 * of 0; {@link #kinkSides} tells {@link GradientCheck} which side of 0 each input lay on, so
 * that it can flag a perturbation that crossed it.
 */
public final class ReLU extends Activation {

    /** The bits of +∞, the largest positive double's bits plus one. */
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    /** A ReLU; it has no parameters. */
    public ReLU() {
    }

    /**
     * Y = max(X, 0), entry by entry. {@code Math.max} keeps a NaN input NaN, as PyTorch does,
     * and compiles to a vector instruction, with no branch to mispredict.
     */
    @Override
    protected void forward(double[] x, double[] y, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            y[i] = Math.max(x[i], 0.0);                       // Y = max(X, 0)
        }
    }

    /**
     * ∂L/∂X, entry by entry; ReLU has no parameters.
     *
     * <pre>
     *   ∂L/∂X = G ⊙ [X &gt; 0]    (m×n) ⊙ (m×n) → (m×n), with 0 at the kink X = 0
     * </pre>
     * See {@code docs/derivations.md#relu}.
     *
     * <p>Read each entry as {@code dx = x > 0 ? g : 0}. It is written without a branch, because
     * about half of a layer's inputs are positive in no predictable order, and a branch that
     * the processor guesses wrong half the time made the whole training step of a
     * 64→256→256→1 network 15–20 % slower ({@code MlpBenchmark}, config M on OpenBLAS: 0.78 and
     * 0.86 of the hand-written step with the branch, 0.96 and 1.05 without, in alternated runs;
     * {@code docs/performance.md}). Instead {@code g} is ANDed with a mask of 64 one bits exactly
     * where {@code 0 < x ≤ +∞}: as integers, the bits of such an x minus 1 lie in
     * {@code [0, bits(+∞))}, while +0, every negative number and every NaN fall outside. The
     * result is the plain rule's, bit for bit, at every boundary (zeros of both signs,
     * subnormals, infinities, NaNs), as {@code ReLUTest} checks.
     */
    @Override
    protected void backward(double[] x, double[] y, double[] g, double[] dx, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            long u = Double.doubleToRawLongBits(x[i]) - 1;
            long positive = (u - INFINITY_BITS) >> 63 & ~(u >> 63);   // all ones iff x > 0
            dx[i] = Double.longBitsToDouble(                          // ∂L/∂X = G ⊙ [X > 0]
                    Double.doubleToRawLongBits(g[i]) & positive);
        }
    }

    /**
     * Reports, for every input of the latest forward, which side of the kink at 0 it lay on:
     * 1 where X &gt; 0, 0 elsewhere (read from Y, which is positive exactly where X is).
     *
     * @param sides receives m·n numbers in row-major order
     */
    @Override
    public void kinkSides(IntConsumer sides) {
        double[] y = output().unwrap().data;
        for (int i = 0, n = output().size(); i < n; i++) {
            sides.accept(y[i] > 0 ? 1 : 0);                   // [X > 0] = [Y > 0]
        }
    }

    /**
     * One operator: {@link Operator.Type#RELU}.
     *
     * @return a list of that one operator
     */
    @Override
    public List<Operator> operators() {
        return List.of(Operator.of(Operator.Type.RELU));
    }
}
