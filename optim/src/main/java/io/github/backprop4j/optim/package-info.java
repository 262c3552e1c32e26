/**
 * Optimizers, learning-rate schedules and gradient clipping: they update
 * {@link io.github.backprop4j.core.Parameter}s from their gradients and never see a layer. An
 * optimizer is its update rule and a schedule is its formula; everything else is shared.
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
 *       differs from the textbook "learning rate inside the velocity" form;</li>
 *   <li>{@link io.github.backprop4j.optim.Adam}: running averages of the gradient and of its
 *       square, with bias correction and AMSGrad; then
 *       {@link io.github.backprop4j.optim.AdamW}, the same rule with the weight decay taken out
 *       of the gradient, and {@link io.github.backprop4j.optim.AbstractAdam}, the one loop both
 *       run;</li>
 *   <li>{@link io.github.backprop4j.optim.RMSprop}: the gradient divided by a running root mean
 *       square, centered or not, with momentum;</li>
 *   <li>{@link io.github.backprop4j.optim.LRScheduler} and
 *       {@link io.github.backprop4j.optim.AbstractLRScheduler}: a schedule sets the learning rate
 *       once per epoch, computed as PyTorch computes it, and saves its epoch and base rate; then
 *       the three schedules {@link io.github.backprop4j.optim.StepLR},
 *       {@link io.github.backprop4j.optim.ExponentialLR} and
 *       {@link io.github.backprop4j.optim.CosineAnnealingLR};</li>
 *   <li>{@link io.github.backprop4j.optim.Gradients#clipNorm}: the total gradient norm cut to a
 *       maximum between backward and step.</li>
 * </ol>
 * {@code docs/optimizers.md} derives each rule (why Adam corrects its bias, what decoupled
 * weight decay changes, where the cosine schedule's recursion comes from) with worked numbers.
 *
 * <h2>Key classes</h2>
 * <ul>
 *   <li>{@link io.github.backprop4j.optim.Optimizer}, built as
 *       {@code new SGD(params, lr)}, {@link io.github.backprop4j.optim.SGD#builder(java.util.List)},
 *       {@link io.github.backprop4j.optim.Adam#builder(java.util.List)},
 *       {@link io.github.backprop4j.optim.AdamW#builder(java.util.List)} or
 *       {@link io.github.backprop4j.optim.RMSprop#builder(java.util.List)}</li>
 *   <li>{@link io.github.backprop4j.optim.AbstractOptimizer}, to write an optimizer</li>
 *   <li>{@link io.github.backprop4j.optim.LRScheduler}, and
 *       {@link io.github.backprop4j.optim.AbstractLRScheduler} to write a schedule</li>
 *   <li>{@link io.github.backprop4j.optim.Gradients}</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Every rule follows its PyTorch counterpart step for step in float64; the tests compare 15-step
 * runs of every option with values PyTorch computed (the script that made them is kept beside the
 * tests, in {@code reference/generate.py}). An optimizer allocates its state buffers (momentum,
 * running averages) once, at construction, one per parameter and of the parameter's shape;
 * {@code step()} then allocates nothing, nor does a schedule's {@code step()} or
 * {@code clipNorm}. An optimizer changes parameter values in place and never clears gradients:
 * call {@code zeroGrad()} before each backward pass, since gradients accumulate. Its
 * per-parameter state is absent from its state dict before the first step, as in PyTorch, and is
 * named as PyTorch names it ({@code exp_avg.0.weight}). A learning rate is finite and
 * {@code >= 0}: 0 is legal, as in PyTorch, and is where a cosine schedule with
 * {@code etaMin = 0} arrives.
 */
package io.github.backprop4j.optim;
