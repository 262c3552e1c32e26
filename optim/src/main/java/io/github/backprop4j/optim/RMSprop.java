package io.github.backprop4j.optim;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;

/**
 * RMSprop: each entry's gradient divided by the root of a running average of its square,
 * following {@code torch.optim.RMSprop} step for step, with its centered variant, momentum and
 * weight decay.
 *
 * <p>For each parameter θ with gradient ∂L/∂θ, learning rate lr, smoothing α, ε, weight decay λ
 * and momentum μ, one {@link #step()} computes, entry by entry:
 * <pre>
 *   g ← ∂L/∂θ + λ·θ                    weight decay (skipped when λ = 0)
 *   s ← α·s + (1 − α)·g²               running mean of g², s = 0 before the first step
 *   if centered:
 *       ḡ ← α·ḡ + (1 − α)·g            running mean of g, ḡ = 0 before the first step
 *       denom ← √(s − ḡ²) + ε          the root of a running variance of g
 *   else:
 *       denom ← √s + ε
 *   if μ &gt; 0:
 *       b ← μ·b + g / denom            b = 0 before the first step
 *       θ ← θ − lr·b
 *   else:
 *       θ ← θ − lr·g / denom
 * </pre>
 * There is no bias correction: s starts at 0 and is small for the first steps (1 − α after the
 * first), so the first steps are large, about lr·g/(√(1 − α)·|g|) = 10·lr against the sign of
 * g for the default α = 0.99. Unlike SGD's, the momentum buffer starts at 0, not at the first
 * update. The centered variant subtracts the square of the running mean, so that a gradient that
 * is large but steady takes larger steps than one as large that changes sign.
 * {@code docs/optimizers.md#rmsprop} derives the rule.
 *
 * <p><b>Where this differs from PyTorch.</b> α must be in [0, 1] (PyTorch accepts any α &ge; 0,
 * with which s is no longer an average) and ε must be {@code > 0} (PyTorch accepts 0).
 *
 * <p><b>Buffers and checkpoints.</b> The rule runs one entry at a time in a single pass that
 * allocates nothing. The state dict holds, after the first step, the tensors
 * {@code square_avg.<parameter>} (s), with momentum {@code momentum_buffer.<parameter>} (b) and,
 * centered, {@code grad_avg.<parameter>} (ḡ), as PyTorch names them, and the metadata
 * {@code type = rmsprop}, {@code lr}, {@code alpha}, {@code eps}, {@code weight_decay},
 * {@code momentum}, {@code centered} and {@code steps}.
 *
 * <pre>{@code
 * RMSprop rmsprop = RMSprop.builder(model.parameters()).learningRate(0.01).centered(true).build();
 * }</pre>
 */
public final class RMSprop extends AbstractOptimizer {

    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    /** s, the running averages of g², one per parameter. */
    private final Matrix[] squareAvg;
    /** b, one per parameter; {@code null} without momentum. */
    private final Matrix[] momentumBuffer;
    /** ḡ, the running averages of g, one per parameter; {@code null} unless centered. */
    private final Matrix[] gradAvg;

    private RMSprop(Builder b) {
        super("RMSprop", b.params, b.learningRate);
        this.alpha = option("alpha", b.alpha, Range.closed(0, 1));
        this.eps = option("eps", b.eps, Range.positive());
        this.weightDecay = option("weightDecay", b.weightDecay, Range.nonNegative());
        this.momentum = option("momentum", b.momentum, Range.nonNegative());
        this.centered = option("centered", b.centered);
        this.squareAvg = buffers("square_avg");
        this.momentumBuffer = momentum > 0 ? buffers("momentum_buffer") : null;
        this.gradAvg = centered ? buffers("grad_avg") : null;
    }

    /**
     * A builder for RMSprop; every option has PyTorch's default (learning rate 0.01, α 0.99,
     * ε 1e-8, weight decay 0, momentum 0, not centered).
     *
     * @param params the parameters to update; not empty, no duplicates
     * @return a new builder
     */
    public static Builder builder(List<Parameter> params) {
        return new Builder(params);
    }

    /** The rule in the class comment, entry by entry. Allocates nothing. */
    @Override
    protected void update(long step) {
        double lr = learningRate();
        for (int i = 0; i < params.length; i++) {
            double[] theta = params[i].value().unwrap().data;
            double[] grad = params[i].grad().unwrap().data;
            double[] s = squareAvg[i].unwrap().data;
            double[] b = momentum > 0 ? momentumBuffer[i].unwrap().data : null;
            double[] gAvg = centered ? gradAvg[i].unwrap().data : null;
            for (int k = 0, n = params[i].value().size(); k < n; k++) {
                double g = grad[k];
                if (weightDecay != 0) {
                    g += weightDecay * theta[k];                    // g ← ∂L/∂θ + λ·θ
                }
                s[k] = alpha * s[k] + (1 - alpha) * g * g;          // s ← α·s + (1 − α)·g²
                double meanSquare = s[k];
                if (centered) {
                    gAvg[k] = alpha * gAvg[k] + (1 - alpha) * g;    // ḡ ← α·ḡ + (1 − α)·g
                    meanSquare -= gAvg[k] * gAvg[k];                // s − ḡ²
                }
                double denom = Math.sqrt(meanSquare) + eps;         // √(s − ḡ²) + ε, or √s + ε
                if (momentum > 0) {
                    b[k] = momentum * b[k] + g / denom;             // b ← μ·b + g / denom
                    theta[k] -= lr * b[k];                          // θ ← θ − lr·b
                } else {
                    theta[k] -= lr * (g / denom);                   // θ ← θ − lr·g / denom
                }
            }
        }
    }

    /** {@return α, the decay of the running averages, in [0, 1]} */
    public double alpha() {
        return alpha;
    }

    /** {@return ε, added to the root of the running average} */
    public double eps() {
        return eps;
    }

    /** {@return the weight decay λ, 0 for none: an L2 penalty ½λ‖θ‖², through its gradient λ·θ} */
    public double weightDecay() {
        return weightDecay;
    }

    /** {@return the momentum factor μ, 0 for none} */
    public double momentum() {
        return momentum;
    }

    /** {@return whether the running mean of g is subtracted: √(s − ḡ²) rather than √s} */
    public boolean centered() {
        return centered;
    }

    /**
     * Collects RMSprop's options; {@link #build()} validates them all. Each setter returns this
     * builder. Unset options keep PyTorch's defaults: learning rate 0.01, α 0.99, ε 1e-8, weight
     * decay 0, momentum 0, not centered.
     */
    public static final class Builder {

        private final List<Parameter> params;
        private double learningRate = 0.01;
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double weightDecay;
        private double momentum;
        private boolean centered;

        private Builder(List<Parameter> params) {
            this.params = params;
        }

        /**
         * Sets the learning rate lr.
         *
         * @param learningRate finite and {@code >= 0}; the default is 0.01
         * @return this builder
         */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets the smoothing α of the running averages {@code s ← α·s + (1 − α)·g²}.
         *
         * @param alpha in [0, 1]; the default is 0.99
         * @return this builder
         */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * Sets ε, added to the root of the running average.
         *
         * @param eps finite and {@code > 0}; the default is 1e-8
         * @return this builder
         */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Sets the weight decay λ, which adds λ·θ to each gradient.
         *
         * @param weightDecay finite and {@code >= 0}; the default is 0
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * Sets the momentum factor μ of {@code b ← μ·b + g / denom}.
         *
         * @param momentum finite and {@code >= 0}; 0 (the default) turns momentum off
         * @return this builder
         */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * Chooses the centered variant, which divides by the root of a running variance.
         *
         * @param centered {@code true} to subtract the running mean's square; the default is
         *                 {@code false}
         * @return this builder
         */
        public Builder centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        /**
         * Validates the options and creates the optimizer with its buffers.
         *
         * @return a new RMSprop
         * @throws IllegalArgumentException if an option or the parameter list is invalid; the
         *                                  message names the option and its value
         */
        public RMSprop build() {
            return new RMSprop(this);
        }
    }
}
