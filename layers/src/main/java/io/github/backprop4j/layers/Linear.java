package io.github.backprop4j.layers;

import io.github.backprop4j.core.Initializers;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Shapes;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Fully connected layer: Y = X·W + 1·b.
 *
 * <pre>
 *   X (m×k) input batch    W (k×n) weight    b (1×n) bias    Y (m×n) output
 *
 *   ∂L/∂X = G·Wᵀ    (m×n)(n×k) → (m×k)
 *   ∂L/∂W = Xᵀ·G    (k×m)(m×n) → (k×n)
 *   ∂L/∂b = 1ᵀ·G    column sums of G → (1×n)
 * </pre>
 * Why ∂L/∂W: Y_ij = Σ_p X_ip·W_pj + b_j, so ∂Y_ij/∂W_pj = X_ip; summing over the batch index i
 * gives Σ_i X_ip·G_ij = (Xᵀ·G)_pj. The 4-index tensor ∂Y/∂W is never formed.
 * Derivation and worked example: {@code docs/derivations.md#linear}.
 *
 * <p>W is stored (in×out), unlike PyTorch's (out×in), so forward needs no transpose. Both W and
 * b start as PyTorch's default, U(−1/√in, 1/√in), drawn weight first, then bias, row by row.
 *
 * <p>Forward copies its input into a buffer of its own, so the caller may reuse the input matrix
 * before calling backward. {@link #infer} computes the same output without that copy, for
 * inference; a backward after it is refused until the next forward.
 */
public final class Linear implements Layer {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private final List<Parameter> parameters;
    private final Matrix input = Matrix.zeros(0, 0);
    private final Matrix output = Matrix.zeros(0, 0);
    private final Matrix gradInput = Matrix.zeros(0, 0);
    private boolean forwardDone;
    /** Whether the latest pass was {@link #infer}, for the message of a backward after it. */
    private boolean inferredLast;

    /**
     * A layer from {@code in} to {@code out} features with PyTorch's default initialisation.
     *
     * @param in  k, the number of input features, {@code > 0}
     * @param out n, the number of output features, {@code > 0}
     * @param rng the source of the initial weights; the same state gives the same layer
     * @throws IllegalArgumentException if a size is not positive
     */
    public Linear(int in, int out, RandomGenerator rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: in and out must be positive, got in=" + in
                    + ", out=" + out);
        }
        Objects.requireNonNull(rng, "Linear: rng must not be null");
        this.inFeatures = in;
        this.outFeatures = out;
        this.weight = new Parameter("weight", Initializers.pytorchLinear(in, out, in, rng));
        this.bias = new Parameter("bias", Initializers.pytorchLinear(1, out, in, rng));
        this.parameters = List.of(weight, bias);
    }

    /**
     * Computes Y = X·W + 1·b and keeps a copy of X for backward.
     *
     * @param input X, (m×k). Not modified; NaN entries propagate to the output.
     * @return Y, (m×n). Owned by this layer and overwritten by the next call to {@code forward}.
     * @throws IllegalArgumentException if X does not have k = in columns
     */
    @Override
    public Matrix forward(Matrix input) {
        checkInput("forward", input);
        MatrixOps.copy(input, this.input);                       // X, kept for ∂L/∂W
        MatrixOps.mult(this.input, weight.value(), output);       // Y  = X·W
        MatrixOps.addRow(output, bias.value(), output);           // Y += 1·b
        forwardDone = true;
        inferredLast = false;
        return output;
    }

    /**
     * Computes Y = X·W + 1·b like {@link #forward}, bit for bit, but keeps no copy of X: for
     * inference, where no backward follows. A {@code backward} after it is refused until the
     * next {@code forward}, since the X it would need is not there.
     *
     * @param input X, (m×k). Not modified; NaN entries propagate to the output.
     * @return Y, (m×n). Owned by this layer and overwritten by the next forward or infer.
     * @throws IllegalArgumentException if X does not have k = in columns
     */
    @Override
    public Matrix infer(Matrix input) {
        checkInput("infer", input);
        MatrixOps.mult(input, weight.value(), output);            // Y  = X·W
        MatrixOps.addRow(output, bias.value(), output);           // Y += 1·b
        forwardDone = false;
        inferredLast = true;
        return output;
    }

    private void checkInput(String op, Matrix input) {
        if (input.cols() != inFeatures) {
            throw new IllegalArgumentException(this + "." + op + ": input has " + input.cols()
                    + " columns, expected " + inFeatures + " (input " + Shapes.shape(input) + ")");
        }
    }

    /**
     * Accumulates ∂L/∂W and ∂L/∂b into the parameters' grads and returns ∂L/∂X.
     *
     * <pre>
     *   ∂L/∂W += Xᵀ·G    (k×m)(m×n) → (k×n)
     *   ∂L/∂b += 1ᵀ·G    (1×m)(m×n) → (1×n)
     *   ∂L/∂X  = G·Wᵀ    (m×n)(n×k) → (m×k)
     * </pre>
     * See {@code docs/derivations.md#linear}.
     *
     * @param gradOutput G = ∂L/∂Y, (m×n). Not modified.
     * @return ∂L/∂X, (m×k). Owned by this layer; overwritten by the next backward call.
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G is not (m×n)
     */
    @Override
    public Matrix backward(Matrix gradOutput) {
        checkBackward(gradOutput);
        MatrixOps.multAddTransA(input, gradOutput, weight.grad());   // ∂L/∂W += Xᵀ·G
        MatrixOps.addColumnSums(gradOutput, bias.grad());            // ∂L/∂b += 1ᵀ·G
        MatrixOps.multTransB(gradOutput, weight.value(), gradInput); // ∂L/∂X  = G·Wᵀ
        return gradInput;
    }

    /**
     * Accumulates ∂L/∂W and ∂L/∂b exactly as {@link #backward} does, but skips ∂L/∂X = G·Wᵀ,
     * which costs as many multiply-adds as ∂L/∂W; {@link Sequential#backwardParameters} calls
     * it on its first layer, whose input is the data.
     *
     * <pre>
     *   ∂L/∂W += Xᵀ·G    (k×m)(m×n) → (k×n)
     *   ∂L/∂b += 1ᵀ·G    (1×m)(m×n) → (1×n)
     * </pre>
     *
     * @param gradOutput G = ∂L/∂Y, (m×n). Not modified.
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G is not (m×n)
     */
    @Override
    public void backwardParameters(Matrix gradOutput) {
        checkBackward(gradOutput);
        MatrixOps.multAddTransA(input, gradOutput, weight.grad());   // ∂L/∂W += Xᵀ·G
        MatrixOps.addColumnSums(gradOutput, bias.grad());            // ∂L/∂b += 1ᵀ·G
    }

    private void checkBackward(Matrix gradOutput) {
        if (!forwardDone) {
            throw new IllegalStateException(inferredLast
                    ? "Linear.backward: called after infer, which keeps nothing for backward;"
                            + " call forward(input) first"
                    : "Linear.backward: called before forward; call forward(input) first");
        }
        if (gradOutput.rows() != output.rows() || gradOutput.cols() != output.cols()) {
            throw new IllegalArgumentException(this + ".backward: gradOutput must have the"
                    + " output's shape " + Shapes.shape(output) + ", got "
                    + Shapes.shape(gradOutput));
        }
    }

    /**
     * The weight and the bias, in that order.
     *
     * @return {@code [weight, bias]}
     */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The weight W, (in×out), named {@code "weight"}.
     *
     * @return the live parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * The bias b, (1×out), named {@code "bias"}.
     *
     * @return the live parameter
     */
    public Parameter bias() {
        return bias;
    }

    /**
     * The number of input features, k.
     *
     * @return in
     */
    public int inFeatures() {
        return inFeatures;
    }

    /**
     * The number of output features, n.
     *
     * @return out
     */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public int outputWidth(int inputWidth) {
        if (inputWidth != inFeatures) {
            throw new IllegalArgumentException(this + ".outputWidth: input has " + inputWidth
                    + " columns, expected " + inFeatures);
        }
        return outFeatures;
    }

    /** Structure, not values: {@code Linear(3→4)}. */
    @Override
    public String toString() {
        return "Linear(" + inFeatures + "→" + outFeatures + ")";
    }
}
