package io.github.backprop4j.optim;

/**
 * Multiplies the learning rate by γ every {@code stepSize} epochs, as
 * {@code torch.optim.lr_scheduler.StepLR} does:
 * <pre>
 *   after epoch e:   lr ← lr·γ   if e is a multiple of stepSize
 *                    lr ← lr     otherwise
 * </pre>
 * so the rate during epoch e (counting from 0) is {@code base·γ^⌊e/stepSize⌋}, computed as
 * PyTorch computes it, one multiplication at a time. With base 0.1, stepSize 30 and γ 0.1:
 * 0.1 for epochs 0–29, 0.01 for epochs 30–59, 0.001 from epoch 60.
 *
 * <p>State dict: {@code type = steplr}, {@code base_lr}, {@code step_size}, {@code gamma},
 * {@code last_epoch} (see {@link AbstractLRScheduler}). {@code docs/optimizers.md#schedules}
 * compares the schedules.
 */
public final class StepLR extends AbstractLRScheduler {

    private final int stepSize;
    private final double gamma;

    /**
     * Schedules {@code optimizer}'s learning rate from its current value.
     *
     * @param optimizer the optimizer whose rate to set
     * @param stepSize  the period in epochs, {@code >= 1}
     * @param gamma     the factor γ, finite and {@code > 0} (PyTorch's default is 0.1)
     * @throws IllegalArgumentException if an argument is invalid; the message names it
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super("StepLR", optimizer);
        this.stepSize = option("stepSize", stepSize, 1);
        this.gamma = option("gamma", gamma, Range.positive());
    }

    @Override
    protected double learningRate(long epoch, double current) {
        return epoch % stepSize == 0 ? current * gamma : current;    // lr·γ every stepSize epochs
    }

    /** {@return the period in epochs} */
    public int stepSize() {
        return stepSize;
    }

    /** {@return the factor γ} */
    public double gamma() {
        return gamma;
    }
}
