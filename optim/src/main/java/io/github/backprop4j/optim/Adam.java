package io.github.backprop4j.optim;

import io.github.backprop4j.core.Parameter;
import java.util.List;

/**
 * Adam: each entry of θ moves by a running average of its gradient, divided by the root of a
 * running average of its squared gradient; following {@code torch.optim.Adam} step for step,
 * with its L2 weight decay and its AMSGrad variant.
 *
 * <p>For each parameter θ with gradient ∂L/∂θ, learning rate lr, betas β₁ and β₂, ε and weight
 * decay λ, step t (counting from 1, so that the first step has t = 1) computes, entry by entry:
 * <pre>
 *   g ← ∂L/∂θ + λ·θ                       weight decay (skipped when λ = 0)
 *   m ← β₁·m + (1 − β₁)·g                 first moment, m = 0 before the first step
 *   v ← β₂·v + (1 − β₂)·g²                second moment, v = 0 before the first step
 *   v_max ← max(v_max, v)                 amsgrad only; v_max = 0 before the first step
 *   denom ← √v / √(1 − β₂ᵗ) + ε           √v̂ + ε, with v_max in place of v under amsgrad
 *   θ ← θ − lr/(1 − β₁ᵗ) · m / denom      θ − lr·m̂ / (√v̂ + ε)
 * </pre>
 * where {@code m̂ = m/(1 − β₁ᵗ)} and {@code v̂ = v/(1 − β₂ᵗ)} are the bias-corrected moments. The
 * corrections undo the start from zero: after t steps of a constant gradient g, m = (1 − β₁ᵗ)·g,
 * so m̂ = g exactly. On the first step m̂ = g and v̂ = g², and every entry moves by
 * lr·g/(|g| + ε), about lr against the sign of its gradient, whatever the gradient's scale.
 *
 * <p><b>AMSGrad</b> divides by the largest second moment so far, so that an entry's step never
 * grows because its gradients became smaller. As in PyTorch 1.13 and later, the maximum is taken
 * of v itself and the bias correction applied after it: {@code √v_max / √(1 − β₂ᵗ)}.
 *
 * <p><b>Weight decay</b> here is an L2 penalty ½λ‖θ‖² added to the loss: its gradient λ·θ joins
 * g and passes through the moments, so it is divided by √v̂ + ε like the rest of g. {@link AdamW}
 * decays θ directly instead. {@code docs/optimizers.md#adam} derives the rule and
 * {@code docs/optimizers.md#adamw} compares the two decays.
 *
 * <p><b>Where this differs from PyTorch.</b> ε must be {@code > 0}: PyTorch accepts 0, with which
 * an entry whose gradient has been 0 at every step divides 0 by 0.
 *
 * <p><b>Buffers and checkpoints.</b> The rule is {@link AbstractAdam}'s, applied to one entry at
 * a time in a single pass that allocates nothing; the bias corrections are computed once per
 * step. The state dict holds, after the first step, the tensors {@code exp_avg.<parameter>}
 * (m), {@code exp_avg_sq.<parameter>} (v) and, with amsgrad, {@code max_exp_avg_sq.<parameter>}
 * (v_max), as PyTorch names them, and the metadata {@code type = adam}, {@code lr},
 * {@code beta1}, {@code beta2}, {@code eps}, {@code weight_decay}, {@code amsgrad} and
 * {@code steps} (which gives t on resuming).
 *
 * <pre>{@code
 * Adam adam = Adam.builder(model.parameters()).learningRate(1e-3).build();
 * }</pre>
 */
public final class Adam extends AbstractAdam {

    private Adam(Builder<Adam> b) {
        super("Adam", b, false);
    }

    /**
     * A builder for Adam; every option has PyTorch's default (learning rate 0.001, betas
     * (0.9, 0.999), ε 1e-8, weight decay 0, no AMSGrad).
     *
     * @param params the parameters to update; not empty, no duplicates
     * @return a new builder
     */
    public static Builder<Adam> builder(List<Parameter> params) {
        return new Builder<>(params, 0, Adam::new);
    }
}
