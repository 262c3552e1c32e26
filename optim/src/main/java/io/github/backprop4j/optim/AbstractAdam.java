package io.github.backprop4j.optim;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The rule {@link Adam} and {@link AdamW} share: running averages of the gradient and of its
 * square, bias-corrected, with or without AMSGrad's running maximum. The two differ in one line,
 * where the weight decay λ enters:
 * <pre>
 *   Adam    g ← ∂L/∂θ + λ·θ       before the moments: an L2 penalty ½λ‖θ‖², whose gradient λ·θ
 *                                 is then divided by √v̂ + ε like the rest of g
 *   AdamW   θ ← θ·(1 − lr·λ)      beside the moments: θ shrinks by the same factor everywhere,
 *                                 and the moments see ∂L/∂θ alone
 * </pre>
 * Each class comment shows its whole rule; {@code docs/optimizers.md#adam} derives it and
 * {@code docs/optimizers.md#adamw} says what decoupling the decay changes. The class is sealed:
 * a variant of Adam is a new optimizer, written on {@link AbstractOptimizer}.
 *
 * <p>Both take the same options through one {@link Builder}: {@code Adam.builder(params)} and
 * {@code AdamW.builder(params)} differ only in the default weight decay and in what
 * {@code build()} returns.
 */
public abstract sealed class AbstractAdam extends AbstractOptimizer permits Adam, AdamW {

    private static final Range BETA = Range.closedOpen(0, 1);

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    /** Whether λ shrinks θ directly (AdamW) rather than joining the gradient (Adam). */
    private final boolean decoupled;
    /** m, the running averages of g, one per parameter. */
    private final Matrix[] expAvg;
    /** v, the running averages of g², one per parameter. */
    private final Matrix[] expAvgSq;
    /** v_max, the largest v so far, one per parameter; {@code null} without amsgrad. */
    private final Matrix[] maxExpAvgSq;

    AbstractAdam(String name, Builder<?> b, boolean decoupled) {
        super(name, b.params, b.learningRate);
        this.beta1 = option("beta1", b.beta1, BETA);
        this.beta2 = option("beta2", b.beta2, BETA);
        this.eps = option("eps", b.eps, Range.positive());
        this.weightDecay = option("weightDecay", b.weightDecay, Range.nonNegative());
        this.amsgrad = option("amsgrad", b.amsgrad);
        this.decoupled = decoupled;
        this.expAvg = buffers("exp_avg");
        this.expAvgSq = buffers("exp_avg_sq");
        this.maxExpAvgSq = amsgrad ? buffers("max_exp_avg_sq") : null;
    }

    /**
     * One step of the rule in {@link Adam}'s or {@link AdamW}'s class comment, entry by entry.
     * The bias corrections depend on the step alone, so they are computed once per step.
     * Allocates nothing.
     */
    @Override
    protected final void update(long step) {
        double lr = learningRate();
        double stepSize = lr / (1 - Math.pow(beta1, step));             // lr / (1 − β₁ᵗ)
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));        // √(1 − β₂ᵗ)
        double coupledDecay = decoupled ? 0 : weightDecay;              // λ in the gradient
        double shrink = 1 - lr * weightDecay;                           // 1 − lr·λ, for AdamW
        for (int i = 0; i < params.length; i++) {
            double[] theta = params[i].value().unwrap().data;
            double[] grad = params[i].grad().unwrap().data;
            double[] m = expAvg[i].unwrap().data;
            double[] v = expAvgSq[i].unwrap().data;
            double[] vMax = amsgrad ? maxExpAvgSq[i].unwrap().data : null;
            for (int k = 0, n = params[i].value().size(); k < n; k++) {
                double g = grad[k];
                if (coupledDecay != 0) {
                    g += coupledDecay * theta[k];                       // Adam:  g ← g + λ·θ
                }
                if (decoupled) {
                    theta[k] *= shrink;                                 // AdamW: θ ← θ·(1 − lr·λ)
                }
                m[k] = beta1 * m[k] + (1 - beta1) * g;                  // m ← β₁·m + (1 − β₁)·g
                v[k] = beta2 * v[k] + (1 - beta2) * g * g;              // v ← β₂·v + (1 − β₂)·g²
                double second = v[k];
                if (amsgrad) {
                    vMax[k] = Math.max(vMax[k], v[k]);                  // v_max ← max(v_max, v)
                    second = vMax[k];
                }
                double denom = Math.sqrt(second) / bias2Sqrt + eps;     // √v / √(1 − β₂ᵗ) + ε
                theta[k] -= stepSize * (m[k] / denom);                  // θ ← θ − lr·m̂ / denom
            }
        }
    }

    /** {@return β₁, the decay of the running average of the gradient, in [0, 1)} */
    public final double beta1() {
        return beta1;
    }

    /** {@return β₂, the decay of the running average of the squared gradient, in [0, 1)} */
    public final double beta2() {
        return beta2;
    }

    /** {@return ε, added to √v̂ so that the step stays finite where v is 0} */
    public final double eps() {
        return eps;
    }

    /** {@return the weight decay λ, 0 for none} */
    public final double weightDecay() {
        return weightDecay;
    }

    /** {@return whether the AMSGrad variant divides by the largest second moment so far} */
    public final boolean amsgrad() {
        return amsgrad;
    }

    /**
     * Collects the options of {@link Adam} or {@link AdamW}; {@code build()} validates them all.
     * Each setter returns this builder. Unset options keep PyTorch's defaults: learning rate
     * 0.001, betas (0.9, 0.999), ε 1e-8, no AMSGrad, and weight decay 0 for Adam, 0.01 for AdamW.
     *
     * @param <O> the optimizer {@code build()} returns, {@code Adam} or {@code AdamW}
     */
    public static final class Builder<O extends AbstractAdam> {

        private final List<Parameter> params;
        private final Function<Builder<O>, O> constructor;
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;
        private boolean amsgrad;

        Builder(List<Parameter> params, double weightDecay, Function<Builder<O>, O> constructor) {
            this.params = params;
            this.weightDecay = weightDecay;
            this.constructor = Objects.requireNonNull(constructor);
        }

        /**
         * Sets the learning rate lr.
         *
         * @param learningRate finite and {@code >= 0}; the default is 0.001
         * @return this builder
         */
        public Builder<O> learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets the decays of the two running averages.
         *
         * @param beta1 β₁ of {@code m ← β₁·m + (1 − β₁)·g}, in [0, 1); the default is 0.9
         * @param beta2 β₂ of {@code v ← β₂·v + (1 − β₂)·g²}, in [0, 1); the default is 0.999
         * @return this builder
         */
        public Builder<O> betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /**
         * Sets ε, added to the denominator √v̂.
         *
         * @param eps finite and {@code > 0}; the default is 1e-8. (PyTorch also accepts 0, with
         *            which an entry whose gradient has been 0 throughout steps by 0/0 = NaN.)
         * @return this builder
         */
        public Builder<O> eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Sets the weight decay λ: Adam adds λ·θ to the gradient, AdamW multiplies θ by
         * (1 − lr·λ).
         *
         * @param weightDecay finite and {@code >= 0}; the default is 0 for Adam, 0.01 for AdamW
         * @return this builder
         */
        public Builder<O> weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * Chooses the AMSGrad variant, which divides by the largest second moment so far.
         *
         * @param amsgrad {@code true} for AMSGrad; the default is {@code false}
         * @return this builder
         */
        public Builder<O> amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        /**
         * Validates the options and creates the optimizer with its buffers.
         *
         * @return a new {@code Adam} or {@code AdamW}
         * @throws IllegalArgumentException if an option or the parameter list is invalid; the
         *                                  message names the option and its value
         */
        public O build() {
            return constructor.apply(this);
        }
    }
}
