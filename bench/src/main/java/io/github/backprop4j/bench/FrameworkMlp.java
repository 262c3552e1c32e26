package io.github.backprop4j.bench;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A benchmark network built and trained with the framework's public API, the way a user's
 * training loop does it: {@link Sequential} of {@link Linear} and {@link ReLU}, {@link MSELoss},
 * and {@link SGD} with momentum or {@link Adam}. Nothing here is tuned for the benchmark.
 */
public final class FrameworkMlp {

    /** SGD's learning rate, as in the PyTorch script. */
    public static final double LEARNING_RATE = 0.01;
    /** SGD's momentum, as in the PyTorch script. */
    public static final double MOMENTUM = 0.9;
    /** Adam's learning rate, PyTorch's default, as in the PyTorch script with --optimizer adam. */
    public static final double ADAM_LEARNING_RATE = 0.001;

    private final Sequential model;
    private final MSELoss loss = new MSELoss();
    private final Optimizer optimizer;

    /**
     * Builds {@code Linear → ReLU → … → Linear} for the given widths, trained by SGD with
     * momentum.
     *
     * @param widths layer widths, input first, e.g. {@code {1, 32, 32, 1}}
     * @param rng    draws the initial weights (PyTorch's default initialisation)
     */
    public FrameworkMlp(int[] widths, RandomGenerator rng) {
        this(widths, rng, "sgd");
    }

    /**
     * Builds {@code Linear → ReLU → … → Linear} for the given widths.
     *
     * @param widths    layer widths, input first, e.g. {@code {1, 32, 32, 1}}
     * @param rng       draws the initial weights (PyTorch's default initialisation)
     * @param optimizer {@code "sgd"}: SGD, lr {@value #LEARNING_RATE}, momentum
     *                  {@value #MOMENTUM}; {@code "adam"}: Adam, lr {@value #ADAM_LEARNING_RATE}
     *                  and PyTorch's other defaults
     * @throws IllegalArgumentException for another optimizer
     */
    public FrameworkMlp(int[] widths, RandomGenerator rng, String optimizer) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            if (i > 0) {
                layers.add(new ReLU());
            }
            layers.add(new Linear(widths[i], widths[i + 1], rng));
        }
        this.model = new Sequential(layers.toArray(new Layer[0]));
        this.optimizer = switch (optimizer) {
            case "sgd" -> SGD.builder(model.parameters())
                    .learningRate(LEARNING_RATE).momentum(MOMENTUM).build();
            case "adam" -> Adam.builder(model.parameters()).learningRate(ADAM_LEARNING_RATE)
                    .build();
            default -> throw new IllegalArgumentException("FrameworkMlp: optimizer must be sgd"
                    + " or adam, got " + optimizer);
        };
    }

    /**
     * One training step: zeroGrad, forward, MSE, backward, the optimizer's step.
     *
     * @param x      the input batch (m×widths[0])
     * @param target the targets (m×widths[last])
     * @return the loss before the update
     */
    public double step(Matrix x, Matrix target) {
        optimizer.zeroGrad();
        double l = loss.forward(model.forward(x), target);
        model.backward(loss.backward());
        optimizer.step();
        return l;
    }

    /**
     * Inference: the forward pass alone, {@link Sequential#forward}, without a copy.
     *
     * @param x the input batch
     * @return the output, owned by the model's last layer
     */
    public Matrix infer(Matrix x) {
        return model.forward(x);
    }

    /**
     * The network.
     *
     * @return the model
     */
    public Sequential model() {
        return model;
    }
}
