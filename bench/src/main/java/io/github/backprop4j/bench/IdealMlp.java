package io.github.backprop4j.bench;

import io.github.backprop4j.core.MatrixKernels;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The yardstick for the framework's overhead: one training step of an MLP written by hand, with
 * no layers, no parameters and no shape checks, on preallocated EJML buffers and the very same
 * {@link MatrixKernels} the framework uses.
 *
 * <p>The network is {@code Linear → ReLU → … → Linear} with MSE loss and SGD with momentum,
 * PyTorch's rule ({@code b ← g} on the first step, then {@code b ← μ·b + g};
 * {@code θ ← θ − lr·b}), or ({@link #adam}) Adam with PyTorch's defaults, at step t:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g      v ← β₂·v + (1 − β₂)·g²      β₁ = 0.9, β₂ = 0.999, ε = 1e-8
 *   θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre> Like {@code Sequential.backward} on data that does not require grad
 * (and PyTorch), backward skips ∂L/∂X of the first layer. The floating-point operations are the
 * framework's, in the framework's order: from the same seeds both give bit-identical losses
 * ({@code IdealMlpTest}). Whatever the framework spends beyond this step is overhead.
 */
public final class IdealMlp {

    private final MatrixKernels kernels;
    private final int layers;
    private final DMatrixRMaj x;
    private final DMatrixRMaj target;
    private final DMatrixRMaj[] weight;
    private final DMatrixRMaj[] bias;
    private final DMatrixRMaj[] weightGrad;
    private final DMatrixRMaj[] biasGrad;
    /** SGD's momentum buffers b, or Adam's first moments m. */
    private final DMatrixRMaj[] weightMomentum;
    private final DMatrixRMaj[] biasMomentum;
    /** Adam's second moments v; null for SGD. */
    private final DMatrixRMaj[] weightSquares;
    private final DMatrixRMaj[] biasSquares;
    /** pre[i] = act[i]·W_i + b_i; act[0] = x, act[i+1] = relu(pre[i]) for hidden layers. */
    private final DMatrixRMaj[] pre;
    private final DMatrixRMaj[] act;
    private final DMatrixRMaj[] grad;
    private final double learningRate;
    private final double momentum;
    private final boolean adam;
    private long steps;

    /**
     * Builds the network and its buffers.
     *
     * @param widths       layer widths, input first, e.g. {1, 32, 32, 1}
     * @param x            the input batch (m×widths[0]); kept, not copied
     * @param target       the targets (m×widths[last]); kept, not copied
     * @param learningRate SGD's learning rate
     * @param momentum     SGD's momentum
     * @param kernels      the matrix products to use
     * @param rng          draws the initial weights, U(−1/√in, 1/√in) as PyTorch does
     */
    public IdealMlp(int[] widths, DMatrixRMaj x, DMatrixRMaj target, double learningRate,
                    double momentum, MatrixKernels kernels, RandomGenerator rng) {
        this(widths, x, target, learningRate, momentum, false, kernels, rng);
    }

    /**
     * Builds the network and its buffers, trained by Adam with PyTorch's defaults.
     *
     * @param widths       layer widths, input first
     * @param x            the input batch; kept, not copied
     * @param target       the targets; kept, not copied
     * @param learningRate Adam's learning rate
     * @param kernels      the matrix products to use
     * @param rng          draws the initial weights, as the SGD constructor does
     * @return the network
     */
    public static IdealMlp adam(int[] widths, DMatrixRMaj x, DMatrixRMaj target,
                                double learningRate, MatrixKernels kernels, RandomGenerator rng) {
        return new IdealMlp(widths, x, target, learningRate, 0, true, kernels, rng);
    }

    private IdealMlp(int[] widths, DMatrixRMaj x, DMatrixRMaj target, double learningRate,
                     double momentum, boolean adam, MatrixKernels kernels, RandomGenerator rng) {
        this.adam = adam;
        this.kernels = kernels;
        this.layers = widths.length - 1;
        this.x = x;
        this.target = target;
        this.learningRate = learningRate;
        this.momentum = momentum;
        int m = x.numRows;
        weight = new DMatrixRMaj[layers];
        bias = new DMatrixRMaj[layers];
        weightGrad = new DMatrixRMaj[layers];
        biasGrad = new DMatrixRMaj[layers];
        weightMomentum = new DMatrixRMaj[layers];
        biasMomentum = new DMatrixRMaj[layers];
        weightSquares = adam ? new DMatrixRMaj[layers] : null;
        biasSquares = adam ? new DMatrixRMaj[layers] : null;
        pre = new DMatrixRMaj[layers];
        act = new DMatrixRMaj[layers + 1];
        grad = new DMatrixRMaj[layers];
        act[0] = x;
        for (int i = 0; i < layers; i++) {
            int in = widths[i];
            int out = widths[i + 1];
            double bound = 1.0 / Math.sqrt(in);
            weight[i] = uniform(in, out, bound, rng);
            bias[i] = uniform(1, out, bound, rng);
            weightGrad[i] = new DMatrixRMaj(in, out);
            biasGrad[i] = new DMatrixRMaj(1, out);
            weightMomentum[i] = new DMatrixRMaj(in, out);
            biasMomentum[i] = new DMatrixRMaj(1, out);
            if (adam) {
                weightSquares[i] = new DMatrixRMaj(in, out);
                biasSquares[i] = new DMatrixRMaj(1, out);
            }
            pre[i] = new DMatrixRMaj(m, out);
            act[i + 1] = new DMatrixRMaj(m, out);
            grad[i] = new DMatrixRMaj(m, out);
        }
    }

    private static DMatrixRMaj uniform(int rows, int cols, double bound, RandomGenerator rng) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = rng.nextDouble(-bound, bound);
        }
        return w;
    }

    /**
     * The forward pass alone, for inference.
     *
     * @return the output (m×widths[last]), a buffer this object owns
     */
    public DMatrixRMaj forward() {
        for (int i = 0; i < layers; i++) {
            kernels.mult(act[i], weight[i], pre[i]);
            addRow(pre[i], bias[i]);
            if (i < layers - 1) {
                relu(pre[i], act[i + 1]);
            }
        }
        return pre[layers - 1];
    }

    /**
     * One training step: zero the gradients, forward, MSE, backward, SGD with momentum or Adam.
     *
     * @return the loss before the update
     */
    public double step() {
        for (int i = 0; i < layers; i++) {
            CommonOps_DDRM.fill(weightGrad[i], 0);
            CommonOps_DDRM.fill(biasGrad[i], 0);
        }
        DMatrixRMaj y = forward();
        int last = layers - 1;
        double loss = 0;
        double scale = 2.0 / y.getNumElements();
        for (int k = 0; k < y.getNumElements(); k++) {
            double d = y.data[k] - target.data[k];
            loss += d * d;
            grad[last].data[k] = scale * d;
        }
        for (int i = last; i >= 0; i--) {
            kernels.multAddTransA(act[i], grad[i], weightGrad[i]);
            addColumnSums(grad[i], biasGrad[i]);
            if (i > 0) {
                kernels.multTransB(grad[i], weight[i], grad[i - 1]);
                reluMask(pre[i - 1], grad[i - 1]);
            }
        }
        steps++;
        for (int i = 0; i < layers; i++) {
            if (adam) {
                adamUpdate(weight[i], weightGrad[i], weightMomentum[i], weightSquares[i]);
                adamUpdate(bias[i], biasGrad[i], biasMomentum[i], biasSquares[i]);
            } else {
                update(weight[i], weightGrad[i], weightMomentum[i]);
                update(bias[i], biasGrad[i], biasMomentum[i]);
            }
        }
        return loss / y.getNumElements();
    }

    private void update(DMatrixRMaj theta, DMatrixRMaj g, DMatrixRMaj b) {
        double[] t = theta.data;
        double[] gd = g.data;
        double[] bd = b.data;
        boolean firstStep = steps == 1;
        for (int k = 0; k < t.length; k++) {
            bd[k] = firstStep ? gd[k] : momentum * bd[k] + gd[k];
            t[k] -= learningRate * bd[k];
        }
    }

    /** Adam's step t = {@code steps}, in the expressions and order of {@code AbstractAdam}. */
    private void adamUpdate(DMatrixRMaj theta, DMatrixRMaj g, DMatrixRMaj m, DMatrixRMaj v) {
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        double stepSize = learningRate / (1 - Math.pow(beta1, steps));
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, steps));
        double[] t = theta.data;
        double[] gd = g.data;
        double[] md = m.data;
        double[] vd = v.data;
        for (int k = 0; k < t.length; k++) {
            double gk = gd[k];
            md[k] = beta1 * md[k] + (1 - beta1) * gk;
            vd[k] = beta2 * vd[k] + (1 - beta2) * gk * gk;
            t[k] -= stepSize * (md[k] / (Math.sqrt(vd[k]) / bias2Sqrt + eps));
        }
    }

    private static void addRow(DMatrixRMaj a, DMatrixRMaj row) {
        int n = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < n; j++) {
                a.data[i * n + j] += row.data[j];
            }
        }
    }

    private static void relu(DMatrixRMaj in, DMatrixRMaj out) {
        for (int k = 0; k < in.getNumElements(); k++) {
            out.data[k] = Math.max(in.data[k], 0.0); // as ReLU's forward
        }
    }

    /** Also {@link ReluBenchmark}'s branchless alternative to ReLU's backward loop. */
    static void reluMask(DMatrixRMaj pre, DMatrixRMaj g) {
        // g = pre > 0 ? g : 0, bit for bit as ReLU's backward, without a branch: AND with a mask
        // whose bits are all set exactly where 0 < pre ≤ +∞, that is 0 ≤ bits(pre) − 1 < bits(+∞).
        long infinity = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
        for (int k = 0; k < pre.getNumElements(); k++) {
            long u = Double.doubleToRawLongBits(pre.data[k]) - 1;
            long mask = ((u - infinity) & ~u) >> 63;
            g.data[k] = Double.longBitsToDouble(Double.doubleToRawLongBits(g.data[k]) & mask);
        }
    }

    private static void addColumnSums(DMatrixRMaj g, DMatrixRMaj out) {
        int n = g.numCols;
        for (int i = 0; i < g.numRows; i++) {
            for (int j = 0; j < n; j++) {
                out.data[j] += g.data[i * n + j];
            }
        }
    }
}
