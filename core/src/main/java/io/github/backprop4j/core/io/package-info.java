/**
 * Tensor files: reading and writing the safetensors format, the one PyTorch and Hugging Face
 * use to share weights, so that a model trained here can be loaded there and back; and
 * checkpoints, which save a model with its optimizer so that training resumes exactly.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.core.io.Tensor}: a matrix with the shape (rank 0, 1 or 2)
 *       and {@link io.github.backprop4j.core.io.DType} it has in a file;</li>
 *   <li>{@link io.github.backprop4j.core.io.TensorFile}: named tensors in order, plus string
 *       metadata: what one file holds;</li>
 *   <li>{@link io.github.backprop4j.core.io.SafetensorsReader}: the byte layout, and every check
 *       a file from elsewhere must pass;</li>
 *   <li>{@link io.github.backprop4j.core.io.SafetensorsWriter}: reproducible bytes, written
 *       atomically;</li>
 *   <li>{@link io.github.backprop4j.core.io.SafetensorsFormatException}: what a malformed file
 *       throws;</li>
 *   <li>{@link io.github.backprop4j.core.io.Stateful}: what a model or an optimizer implements
 *       to be saved, PyTorch's {@code state_dict()} and {@code load_state_dict()};</li>
 *   <li>{@link io.github.backprop4j.core.io.StateDictException}: a state that does not fit,
 *       with every problem listed;</li>
 *   <li>{@link io.github.backprop4j.core.io.Checkpoint}: a model, its optimizer and the
 *       training step in one file, saved atomically and loaded all or nothing (the layout is in
 *       {@code docs/checkpoints.md}).</li>
 * </ol>
 *
 * <h2>Example</h2>
 * <pre>{@code
 * TensorFile file = SafetensorsReader.read(Path.of("mlp.safetensors"));
 * Tensor w = file.get("0.weight");          // shape [8, 3]: PyTorch's (out×in)
 * Tensor b = file.get("0.bias");            // shape [8]: a 1×8 matrix
 * Matrix y = x.multTransB(w.matrix()).plusRow(b.matrix());   // x·Wᵀ + b
 *
 * Checkpoint.save(Path.of("run.safetensors"), model, optimizer, step);
 * long resumeAt = Checkpoint.load(Path.of("run.safetensors"), model, optimizer);
 * }</pre>
 *
 * <h2>Conventions</h2>
 * Values are stored little-endian and row-major; a rank-1 tensor of length n is a (1×n) row
 * vector. Files never contain Java-serialized objects and loading one runs no code.
 */
package io.github.backprop4j.core.io;
