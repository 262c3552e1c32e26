/**
 * Optimizers: they update {@link io.github.backprop4j.core.Parameter}s from their gradients and
 * never see a layer.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.optim.Optimizer}: the contract, {@code step()},
 *       {@code zeroGrad()} and {@code parameters()}, and where they sit in a training step;</li>
 *   <li>{@link io.github.backprop4j.optim.SGD}: stochastic gradient descent with momentum,
 *       dampening, Nesterov momentum and weight decay, following {@code torch.optim.SGD} step for
 *       step; its class comment states the update rule and how it differs from the textbook
 *       "learning rate inside the velocity" form;</li>
 *   <li>{@link io.github.backprop4j.optim.SGD.State}: what a checkpoint must hold to resume
 *       training bit for bit; {@link io.github.backprop4j.optim.SGD#stateDict()} is the same
 *       state as a tensor file, which {@link io.github.backprop4j.io.Checkpoint} saves
 *       beside the model.</li>
 * </ol>
 *
 * <h2>Key classes</h2>
 * <ul>
 *   <li>{@link io.github.backprop4j.optim.Optimizer}</li>
 *   <li>{@link io.github.backprop4j.optim.SGD}, built with {@code new SGD(params, lr)} or
 *       {@link io.github.backprop4j.optim.SGD#builder(java.util.List)}</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * An optimizer allocates its state buffers (momentum, work space) once, at construction, one per
 * parameter and of the parameter's shape; {@code step()} then allocates nothing. It changes
 * parameter values in place and never clears gradients: call {@code zeroGrad()} before each
 * backward pass, since gradients accumulate.
 */
package io.github.backprop4j.optim;
