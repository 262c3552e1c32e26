package io.github.backprop4j.optim;

import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.Stateful;
import java.util.List;

/**
 * Updates a fixed list of {@link Parameter}s from their gradients.
 *
 * <p>A training step reads:
 * <pre>{@code
 * optimizer.zeroGrad();                 // grads accumulate, so clear them first
 * double l = loss.forward(model.forward(x), y);
 * model.backward(loss.backward());      // fills every parameter's grad
 * optimizer.step();                     // θ ← θ − lr·update, for every parameter
 * }</pre>
 *
 * <p>An optimizer never sees a layer: it works on the parameters it was given at construction,
 * whose value and grad matrices it reads and changes in place.
 *
 * <p>An optimizer is {@link Stateful}: its state dict holds what the next step depends on besides
 * its fixed options (the learning rate, the step count, any per-parameter buffers), so that a
 * checkpoint of any optimizer resumes training bit for bit. {@link AbstractOptimizer} implements
 * all of this once; an optimizer extends it and writes its update rule.
 */
public interface Optimizer extends Stateful {

    /**
     * Updates every parameter's value from its current gradient, once. Does not clear the
     * gradients.
     */
    void step();

    /**
     * Sets the gradient of every parameter to zero, allocating nothing.
     *
     * <p>The default clears each parameter of {@link #parameters()} with
     * {@link Parameter#zeroGrad()}, using an indexed loop so that no iterator is created.
     */
    default void zeroGrad() {
        List<Parameter> params = parameters();
        for (int i = 0, n = params.size(); i < n; i++) {
            params.get(i).zeroGrad();
        }
    }

    /**
     * The parameters this optimizer updates, in the order it was given them.
     *
     * @return an unmodifiable list; the parameters themselves are live
     */
    List<Parameter> parameters();

    /**
     * The learning rate the next {@link #step()} uses.
     *
     * @return lr
     */
    double learningRate();

    /**
     * Changes the learning rate for the following steps, as a schedule does.
     *
     * @param lr the new learning rate, finite and {@code >= 0}; a rate of 0 leaves the values
     *           as they are (the buffers still move), as at the end of a cosine schedule
     * @throws IllegalArgumentException if it is not; the rate is then unchanged
     */
    void setLearningRate(double lr);

    /**
     * How many times {@link #step()} has run, counting the steps of a loaded state: what a
     * checkpoint records as the training step.
     *
     * @return the step count, {@code >= 0}
     */
    long steps();
}
