package io.github.backprop4j.optim;

import io.github.backprop4j.core.state.Stateful;

/**
 * Changes an optimizer's learning rate once per epoch, as {@code torch.optim.lr_scheduler} does.
 *
 * <p>The calls go in this order, as in PyTorch:
 * <pre>{@code
 * LRScheduler schedule = new CosineAnnealingLR(optimizer, epochs, 0);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     for (Batch b : loader.epoch(rng)) {
 *         optimizer.zeroGrad();
 *         ...                               // forward, loss, backward
 *         optimizer.step();                 // uses the rate the schedule set
 *     }
 *     schedule.step();                      // after the epoch's steps: the next epoch's rate
 * }
 * }</pre>
 * The first epoch runs at the optimizer's own learning rate, the one it had when the schedule
 * was created (the base rate).
 *
 * <p>A schedule is {@link Stateful}: its state dict holds the epoch count and the base rate, so
 * that a run resumed from a checkpoint of the optimizer and the schedule continues bit for bit.
 * The rate itself is the optimizer's and is saved with it. {@link AbstractLRScheduler} implements
 * all of this once; a schedule extends it and writes how the rate changes.
 */
public interface LRScheduler extends Stateful {

    /**
     * Ends an epoch: counts it and sets the optimizer's learning rate for the next one. Call once
     * per epoch, after that epoch's optimizer steps. Allocates nothing.
     */
    void step();

    /**
     * How many times {@link #step()} has run, a loaded state's included: PyTorch's
     * {@code last_epoch}.
     *
     * @return the epochs ended, {@code >= 0}
     */
    long epoch();

    /**
     * The optimizer whose learning rate this schedule sets.
     *
     * @return the optimizer given at construction
     */
    Optimizer optimizer();
}
