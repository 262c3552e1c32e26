package io.github.backprop4j.layers;

import java.util.random.RandomGenerator;

/**
 * The network of the PyTorch reference files that io's {@code TorchMlpReference} reads (see
 * {@code src/test/resources/torch/README.md}):
 * {@code Sequential(Linear(3,8), ReLU(), Linear(8,8), ReLU(), Linear(8,2))}.
 */
final class TorchFiles {

    private TorchFiles() {
    }

    /** The same architecture as the files, with weights drawn from {@code rng}. */
    static Sequential mlp(RandomGenerator rng) {
        return new Sequential(new Linear(3, 8, rng), new ReLU(), new Linear(8, 8, rng), new ReLU(),
                new Linear(8, 2, rng));
    }
}
