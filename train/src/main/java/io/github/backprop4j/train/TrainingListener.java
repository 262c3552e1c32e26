package io.github.backprop4j.train;

import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.optim.Optimizer;

/**
 * Watches a {@link Trainer} run: called at its start and end, at each epoch's start and end,
 * and three times in every step. Every method does nothing by default, so a listener writes
 * only the ones it needs.
 *
 * <p>The order of the calls, which is the order of the explicit loop that {@link Trainer}
 * replaces:
 * <pre>{@code
 * onTrainingStart(model, optimizer, epochs)
 * for each epoch:
 *     onEpochStart(epoch)
 *     for each batch:
 *         optimizer.zeroGrad();
 *         loss = lossFunction.forward(model.forward(batch.features()), batch.targets());
 *         model.backward(lossFunction.backward());
 *         afterBackward(step)              // the gradients exactly as backward left them
 *         (gradient clipping, if asked for)
 *         beforeOptimizerStep(step)        // the gradients the optimizer will use
 *         optimizer.step();
 *         afterOptimizerStep(step)         // the updated parameter values
 *     (validation, metrics, the learning-rate schedule, early stopping)
 *     onEpochEnd(epochResult)
 * onTrainingEnd(history)                   // after the best weights are restored, if they are
 * }</pre>
 *
 * <p><b>The step is a view, overwritten by the next.</b> The {@link TrainingStep} passed to the
 * three per-step methods is one object owned by the trainer and refilled for every step, as a
 * {@link io.github.backprop4j.data.Batch} is: read it during the call, and copy what you want to
 * keep. The model, the parameters' values and gradients, and the batch it shows are the live
 * ones; a listener may read them but must not change them, or it changes the training.
 *
 * <p><b>Cost.</b> The per-step methods run inside the training step, which allocates nothing
 * once warmed up; a listener that allocates in them makes the step allocate. A listener that
 * throws stops the training, and its exception reaches the caller of {@link Trainer#fit}.
 */
public interface TrainingListener {

    /**
     * Called once, before the first epoch.
     *
     * @param model     the model being trained
     * @param optimizer the optimizer training it
     * @param epochs    the number of epochs asked for (early stopping may end the run sooner)
     */
    default void onTrainingStart(Layer model, Optimizer optimizer, int epochs) {
    }

    /**
     * Called at the start of each epoch, before its first batch.
     *
     * @param epoch the epoch, from 1
     */
    default void onEpochStart(int epoch) {
    }

    /**
     * Called after the backward pass of a step, before any clipping: each parameter's
     * {@code grad()} holds ∂L/∂θ for this batch.
     *
     * @param step the step, overwritten by the next
     */
    default void afterBackward(TrainingStep step) {
    }

    /**
     * Called just before the optimizer's step, after gradient clipping if the trainer clips:
     * the gradients are those the optimizer is about to use, and the values are still the old
     * ones.
     *
     * @param step the step, overwritten by the next
     */
    default void beforeOptimizerStep(TrainingStep step) {
    }

    /**
     * Called just after the optimizer's step: the parameters hold their new values, and the
     * gradients are still those of this step.
     *
     * @param step the step, overwritten by the next
     */
    default void afterOptimizerStep(TrainingStep step) {
    }

    /**
     * Called at the end of each epoch, once its losses and metrics are known, after the
     * learning-rate schedule has stepped and early stopping has judged the epoch.
     *
     * @param epoch what the epoch measured
     */
    default void onEpochEnd(EpochResult epoch) {
    }

    /**
     * Called once when training ends normally (all epochs run, or stopped early), after the
     * best weights have been restored if they are kept. Not called when training stops with an
     * exception.
     *
     * @param history every epoch's results, the best epoch and why training stopped
     */
    default void onTrainingEnd(TrainingHistory history) {
    }
}
