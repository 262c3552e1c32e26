package io.github.backprop4j.optim;

/**
 * Multiplies the learning rate by γ after every epoch, as
 * {@code torch.optim.lr_scheduler.ExponentialLR} does:
 * <pre>
 *   after each epoch:   lr ← lr·γ
 * </pre>
 * so the rate during epoch e (counting from 0) is {@code base·γᵉ}, computed as PyTorch computes
 * it, one multiplication at a time.
 *
 * <p>State dict: {@code type = exponentiallr}, {@code base_lr}, {@code gamma},
 * {@code last_epoch} (see {@link AbstractLRScheduler}). {@code docs/optimizers.md#schedules}
 * compares the schedules.
 */
public final class ExponentialLR extends AbstractLRScheduler {

    private final double gamma;

    /**
     * Schedules {@code optimizer}'s learning rate from its current value.
     *
     * @param optimizer the optimizer whose rate to set
     * @param gamma     the factor γ, finite and {@code > 0}
     * @throws IllegalArgumentException if an argument is invalid; the message names it
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super("ExponentialLR", optimizer);
        this.gamma = option("gamma", gamma, Range.positive());
    }

    @Override
    protected double learningRate(long epoch, double current) {
        return current * gamma;                                      // lr ← lr·γ
    }

    /** {@return the factor γ} */
    public double gamma() {
        return gamma;
    }
}
