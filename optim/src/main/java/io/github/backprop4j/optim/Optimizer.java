package io.github.backprop4j.optim;

import io.github.backprop4j.core.Parameter;
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
 */
public interface Optimizer {

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
}
