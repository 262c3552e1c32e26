package io.github.backprop4j.layers;

import io.github.backprop4j.core.Init;
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
 * <p>W is stored (in×out), unlike PyTorch's (out×in), so forward needs no transpose; its
 * {@linkplain Parameter.Layout#TRANSPOSED layout} tells state dicts to store the transpose, and
 * the bias's {@linkplain Parameter.Layout#VECTOR layout} to store it as a vector, as PyTorch
 * does. Both W and b start as PyTorch's default, U(−1/√in, 1/√in), drawn weight first, then
 * bias, row by row; another {@link Init} may draw W (Xavier, Kaiming).
 *
 * <p>Forward keeps a reference to its input, not a copy, as PyTorch does: do not modify the
 * input between forward and backward. Backward computes ∂L/∂X only when that input
 * {@linkplain Matrix#requiresGrad() requires grad}, and returns {@code null} otherwise: no
 * gradient for an input that does not need one, as {@code x.grad} stays {@code None} in
 * PyTorch. For the first layer of a network, whose input is data, that skips G·Wᵀ, as many
 * multiply-adds as ∂L/∂W.
 */
public final class Linear implements Layer {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private final List<Parameter> parameters;
    private final ForwardGuard guard = new ForwardGuard("Linear");
    private final Matrix output = Matrix.zeros(0, 0);
    private final Matrix gradInput = Matrix.zeros(0, 0);
    /** X of the latest forward, kept by reference for ∂L/∂W. */
    private Matrix input;

    /**
     * A layer from {@code in} to {@code out} features with PyTorch's default initialisation.
     *
     * @param in  k, the number of input features, {@code > 0}
     * @param out n, the number of output features, {@code > 0}
     * @param rng the source of the initial weights; the same state gives the same layer
     * @throws IllegalArgumentException if a size is not positive
     */
    public Linear(int in, int out, RandomGenerator rng) {
        this(in, out, Init.pytorchDefault(), rng);
    }

    /**
     * A layer from {@code in} to {@code out} features whose weight is drawn by {@code init},
     * for example
     * {@code new Linear(3, 8, Init.kaimingUniform(Nonlinearity.RELU.gain(), FAN_IN), rng)};
     * the bias keeps PyTorch's default, U(−1/√in, 1/√in), as after {@code torch.nn.init}'s
     * functions on an {@code nn.Linear}'s weight. The weight is drawn first, then the bias.
     *
     * @param in   k, the number of input features, {@code > 0}
     * @param out  n, the number of output features, {@code > 0}
     * @param init the rule for W (k×n), with fanIn = k and fanOut = n
     * @param rng  the source of the initial weights; the same state gives the same layer
     * @throws IllegalArgumentException if a size is not positive, or {@code init} draws a matrix
     *                                  of another shape
     */
    public Linear(int in, int out, Init init, RandomGenerator rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: in and out must be positive, got in=" + in
                    + ", out=" + out);
        }
        Objects.requireNonNull(init, "Linear: init must not be null");
        Objects.requireNonNull(rng, "Linear: rng must not be null");
        this.inFeatures = in;
        this.outFeatures = out;
        Matrix w = init.weight(in, out, rng);
        Shapes.checkShape("Linear", "the weight drawn by init", w, in, out);
        this.weight = new Parameter("weight", w, Parameter.Layout.TRANSPOSED);
        this.bias = new Parameter("bias", Initializers.pytorchLinear(1, out, in, rng),
                Parameter.Layout.VECTOR);
        this.parameters = List.of(weight, bias);
    }

    /**
     * Computes Y = X·W + 1·b and keeps a reference to X for backward.
     *
     * @param input X, (m×k). Not modified, and not to be modified before the matching backward;
     *     NaN entries propagate to the output.
     * @return Y, (m×n), which requires grad (it depends on W and b). Owned by this layer and
     *     overwritten by the next call to {@code forward}.
     * @throws IllegalArgumentException if X does not have k = in columns
     */
    @Override
    public Matrix forward(Matrix input) {
        compute("forward", input, output);                        // Y = X·W + 1·b
        output.requiresGrad(true);
        this.input = input;                                       // X, kept for ∂L/∂W
        guard.forwardDone();
        return output;
    }

    /**
     * Computes Y = X·W + 1·b into {@code out}, reading only X, W and b: the inference path,
     * which any number of threads may run at once. The same products as {@link #forward}, so
     * the same bits.
     *
     * @param input X, (m×k). Not modified.
     * @param out   reshaped to (m×n) and overwritten; not {@code input}
     * @throws IllegalArgumentException if X does not have k = in columns, or {@code out} is X
     */
    @Override
    public void predict(Matrix input, Matrix out) {
        compute("predict", input, out);
    }

    /** Y = X·W + 1·b into {@code y}; {@code op} names the caller in the message. */
    private void compute(String op, Matrix input, Matrix y) {
        if (input.cols() != inFeatures) {
            throw new IllegalArgumentException(this + "." + op + ": input has " + input.cols()
                    + " columns, expected " + inFeatures + " (input " + Shapes.shape(input) + ")");
        }
        MatrixOps.mult(input, weight.value(), y);                 // Y  = X·W
        MatrixOps.addRow(y, bias.value(), y);                     // Y += 1·b
    }

    /**
     * Accumulates ∂L/∂W and ∂L/∂b into the parameters' grads and returns ∂L/∂X, or
     * {@code null} if X does not require grad.
     *
     * <pre>
     *   ∂L/∂W += Xᵀ·G    (k×m)(m×n) → (k×n)
     *   ∂L/∂b += 1ᵀ·G    (1×m)(m×n) → (1×n)
     *   ∂L/∂X  = G·Wᵀ    (m×n)(n×k) → (m×k)    only if X requires grad
     * </pre>
     * See {@code docs/derivations.md#linear}.
     *
     * @param gradOutput G = ∂L/∂Y, (m×n). Not modified.
     * @return ∂L/∂X, (m×k), owned by this layer and overwritten by the next backward call; or
     *     {@code null} when X does not {@linkplain Matrix#requiresGrad() require grad}: no
     *     gradient for an input that does not need one, as {@code x.grad} stays {@code None} in
     *     PyTorch
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G is not (m×n)
     */
    @Override
    public Matrix backward(Matrix gradOutput) {
        guard.checkBackward();
        if (gradOutput.rows() != output.rows() || gradOutput.cols() != output.cols()) {
            throw new IllegalArgumentException(this + ".backward: gradOutput must have the"
                    + " output's shape " + Shapes.shape(output) + ", got "
                    + Shapes.shape(gradOutput));
        }
        MatrixOps.multAddTransA(input, gradOutput, weight.grad());   // ∂L/∂W += Xᵀ·G
        MatrixOps.addColumnSums(gradOutput, bias.grad());            // ∂L/∂b += 1ᵀ·G
        if (!input.requiresGrad()) {
            return null;                                             // nobody needs ∂L/∂X
        }
        MatrixOps.multTransB(gradOutput, weight.value(), gradInput); // ∂L/∂X  = G·Wᵀ
        return gradInput;
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
     * The weight W, (in×out), named {@code "weight"}; stored transposed in state dicts.
     *
     * @return the live parameter
     */
    public Parameter weight() {
        return weight;
    }

    /**
     * The bias b, (1×out), named {@code "bias"}; stored as a vector in state dicts.
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

    /**
     * One {@link Operator.Type#GEMM}, Y = X·W + 1·b, with W (in×out) as held and b (1×out).
     *
     * @return {@code [GEMM(weight, bias)]}
     */
    @Override
    public List<Operator> operators() {
        return List.of(Operator.gemm(weight, bias));
    }

    /** Structure, not values: {@code Linear(3→4)}. */
    @Override
    public String toString() {
        return "Linear(" + inFeatures + "→" + outFeatures + ")";
    }
}
