package io.github.backprop4j.optim;

import io.github.backprop4j.core.Parameter;
import java.util.List;

/**
 * AdamW: {@link Adam} with decoupled weight decay (Loshchilov and Hutter), following
 * {@code torch.optim.AdamW} step for step, with its AMSGrad variant.
 *
 * <p>For each parameter θ with gradient g = ∂L/∂θ, learning rate lr, betas β₁ and β₂, ε and
 * weight decay λ, step t (counting from 1) computes, entry by entry:
 * <pre>
 *   θ ← θ·(1 − lr·λ)                      decoupled weight decay
 *   m ← β₁·m + (1 − β₁)·g                 first moment, m = 0 before the first step
 *   v ← β₂·v + (1 − β₂)·g²                second moment, v = 0 before the first step
 *   v_max ← max(v_max, v)                 amsgrad only; v_max = 0 before the first step
 *   denom ← √v / √(1 − β₂ᵗ) + ε           √v̂ + ε, with v_max in place of v under amsgrad
 *   θ ← θ − lr/(1 − β₁ᵗ) · m / denom      θ − lr·m̂ / (√v̂ + ε)
 * </pre>
 * The only difference from Adam is the first line. Adam adds λ·θ to the gradient, so the decay
 * passes through the moments and is divided by √v̂ + ε: entries with large gradients are barely
 * decayed, entries with small ones strongly. Here every entry shrinks by the same factor
 * (1 − lr·λ) each step, as plain SGD's weight decay would, and the moments see the loss's
 * gradient alone. {@code docs/optimizers.md#adamw} works through the difference.
 *
 * <p>The default weight decay is 0.01, PyTorch's; with λ = 0, AdamW and Adam take the same
 * steps. ε must be {@code > 0} (PyTorch accepts 0).
 *
 * <p><b>Buffers and checkpoints.</b> As {@link Adam}'s, with {@code type = adamw}: the tensors
 * {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq} per parameter,
 * and the metadata {@code lr}, {@code beta1}, {@code beta2}, {@code eps}, {@code weight_decay},
 * {@code amsgrad} and {@code steps}. An Adam state does not load into an AdamW, nor the other
 * way round: the same buffers would continue a different rule.
 *
 * <pre>{@code
 * AdamW adamw = AdamW.builder(model.parameters()).learningRate(1e-3).weightDecay(0.05).build();
 * }</pre>
 */
public final class AdamW extends AbstractAdam {

    private AdamW(Builder<AdamW> b) {
        super("AdamW", b, true);
    }

    /**
     * A builder for AdamW; every option has PyTorch's default (learning rate 0.001, betas
     * (0.9, 0.999), ε 1e-8, weight decay 0.01, no AMSGrad).
     *
     * @param params the parameters to update; not empty, no duplicates
     * @return a new builder
     */
    public static Builder<AdamW> builder(List<Parameter> params) {
        return new Builder<>(params, 0.01, AdamW::new);
    }
}
