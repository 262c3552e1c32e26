/**
 * Files: reading and writing the safetensors format, the one PyTorch and Hugging Face
 * use to share weights, so that a model trained here can be loaded there and back;
 * checkpoints, which save a model with its optimizer so that training resumes exactly; and the
 * one atomic write through which every file the framework writes is saved.
 *
 * <h2>Reading order</h2>
 * The named tensors a file holds are core's {@link io.github.backprop4j.core.state.StateDict};
 * this package reads and writes them.
 * <ol>
 *   <li>{@link io.github.backprop4j.io.SafetensorsReader}: the byte layout, and every check
 *       a file from elsewhere must pass;</li>
 *   <li>{@link io.github.backprop4j.io.SafetensorsWriter}: reproducible bytes, written
 *       atomically;</li>
 *   <li>{@link io.github.backprop4j.io.SafetensorsFormatException}: what a malformed file
 *       throws;</li>
 *   <li>{@link io.github.backprop4j.io.Checkpoint}: a model, its optimizer and the
 *       training step in one file, saved atomically and loaded all or nothing (the layout is in
 *       {@code docs/checkpoints.md});</li>
 *   <li>{@link io.github.backprop4j.io.AtomicFiles}: how a file is saved so that a crash, a
 *       kill or a second saver never leaves half of it: a temporary file with a random name,
 *       forced to disk, renamed over the target; what a killed save leaves, the next one
 *       removes.</li>
 * </ol>
 *
 * <h2>Example</h2>
 * <pre>{@code
 * StateDict file = SafetensorsReader.read(Path.of("mlp.safetensors"));
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
package io.github.backprop4j.io;
