/**
 * State dicts in memory: named tensors that a model and an optimizer hand over to be saved and
 * take back to be restored, PyTorch's {@code state_dict()} and {@code load_state_dict()}. No
 * file format lives here; {@code backprop4j-io} writes these to safetensors files.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.core.state.Tensor}: a matrix with the shape (rank 0, 1 or 2)
 *       and {@link io.github.backprop4j.core.state.DType} it has in a state dict;</li>
 *   <li>{@link io.github.backprop4j.core.state.StateDict}: named tensors in order, plus string
 *       metadata;</li>
 *   <li>{@link io.github.backprop4j.core.state.Stateful}: what a model or an optimizer implements
 *       to be saved and restored;</li>
 *   <li>{@link io.github.backprop4j.core.state.StateDictException}: a state that does not fit,
 *       with every problem listed.</li>
 * </ol>
 */
package io.github.backprop4j.core.state;
