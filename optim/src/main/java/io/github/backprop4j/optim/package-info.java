/**
 * Optimizers: they update {@link io.github.backprop4j.core.Parameter}s from their gradients and
 * never see a layer. An optimizer is its update rule; everything else is shared.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.optim.Optimizer}: the contract, {@code step()},
 *       {@code zeroGrad()}, {@code parameters()}, the learning rate and the step count, where they
 *       sit in a training step, and why every optimizer is a
 *       {@link io.github.backprop4j.core.state.Stateful};</li>
 *   <li>{@link io.github.backprop4j.optim.AbstractOptimizer}: the shared machinery, written once:
 *       the checked parameter list, fixed options, per-parameter buffers by name, step counting,
 *       and state dicts that a checkpoint ({@code Checkpoint} in {@code backprop4j-io}) saves and
 *       restores bit for bit; its class comment shows a whole optimizer written on it, and
 *       {@link io.github.backprop4j.optim.Range} is how an option states the values it may
 *       take;</li>
 *   <li>{@link io.github.backprop4j.optim.SGD}: stochastic gradient descent with momentum,
 *       dampening, Nesterov momentum and weight decay, following {@code torch.optim.SGD} step for
 *       step: its rule and its builder. Its class comment states the update rule and how it
 *       differs from the textbook "learning rate inside the velocity" form.</li>
 * </ol>
 *
 * <h2>Key classes</h2>
 * <ul>
 *   <li>{@link io.github.backprop4j.optim.Optimizer}</li>
 *   <li>{@link io.github.backprop4j.optim.AbstractOptimizer}, to write an optimizer</li>
 *   <li>{@link io.github.backprop4j.optim.SGD}, built with {@code new SGD(params, lr)} or
 *       {@link io.github.backprop4j.optim.SGD#builder(java.util.List)}</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * An optimizer allocates its state buffers (momentum, running averages) once, at construction,
 * one per parameter and of the parameter's shape; {@code step()} then allocates nothing. It
 * changes parameter values in place and never clears gradients: call {@code zeroGrad()} before
 * each backward pass, since gradients accumulate. Its per-parameter state is absent from its
 * state dict before the first step, as in PyTorch.
 */
package io.github.backprop4j.optim;
