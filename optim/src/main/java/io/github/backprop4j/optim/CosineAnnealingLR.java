package io.github.backprop4j.optim;

/**
 * Lowers the learning rate from its base value η_base to η_min along half a cosine over
 * {@code tMax} epochs, then raises it again along the other half, as
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR} does (without restarts):
 * <pre>
 *   η_e = η_min + (η_base − η_min)·(1 + cos(π·e/T))/2        the rate during epoch e, T = tMax
 * </pre>
 * η_0 = η_base, η_T = η_min, η_2T = η_base again, and so on with period 2T.
 *
 * <p><b>Computed as PyTorch computes it.</b> PyTorch's {@code get_lr} does not evaluate that
 * closed form but steps from the current rate, and so does {@link #learningRate}. After epoch e:
 * <pre>
 *   if (e − 1 − T) is a multiple of 2T:                       the epoch after a minimum
 *       η ← η + (η_base − η_min)·(1 − cos(π/T))/2
 *   else:
 *       η ← (1 + cos(π·e/T)) / (1 + cos(π·(e − 1)/T)) · (η − η_min) + η_min
 * </pre>
 * The ratio is η_e − η_min over η_{e−1} − η_min in the closed form, so the two agree up to
 * rounding; the first line is needed where that ratio would divide by zero, just after a minimum
 * (1 + cos(π·(e − 1)/T) = 0). The recursion carries its rounding along: over several periods the
 * rates drift from the closed form by a few units in the last place, exactly as PyTorch's do. At
 * e = T, 1 + cos(π) is exactly 0, so the rate is exactly η_min: with {@code etaMin = 0} an epoch
 * is trained at a learning rate of 0, which every optimizer accepts.
 *
 * <p>State dict: {@code type = cosineannealinglr}, {@code base_lr}, {@code t_max},
 * {@code eta_min}, {@code last_epoch} (see {@link AbstractLRScheduler}).
 * {@code docs/optimizers.md#cosine-annealing} has the derivation.
 */
public final class CosineAnnealingLR extends AbstractLRScheduler {

    private final int tMax;
    private final double etaMin;

    /**
     * Schedules {@code optimizer}'s learning rate from its current value, η_base.
     *
     * @param optimizer the optimizer whose rate to set
     * @param tMax      T, the epochs from η_base down to η_min, {@code >= 1}
     * @param etaMin    η_min, finite and {@code >= 0} (PyTorch's default is 0)
     * @throws IllegalArgumentException if an argument is invalid; the message names it
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super("CosineAnnealingLR", optimizer);
        this.tMax = option("tMax", tMax, 1);
        this.etaMin = option("etaMin", etaMin, Range.nonNegative());
    }

    @Override
    protected double learningRate(long epoch, double current) {
        if ((epoch - 1 - tMax) % (2L * tMax) == 0) {                 // just after a minimum
            return current + (baseLearningRate() - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * epoch / tMax))                // η_e − η_min
                / (1 + Math.cos(Math.PI * (epoch - 1) / tMax))       // over η_{e−1} − η_min
                * (current - etaMin) + etaMin;
    }

    /** {@return T, the epochs from the base rate down to η_min} */
    public int tMax() {
        return tMax;
    }

    /** {@return η_min, the least learning rate} */
    public double etaMin() {
        return etaMin;
    }
}
