package io.github.backprop4j.layers;

/**
 * How a loss turns its per-element terms into one number, as PyTorch's {@code reduction}.
 */
public enum Reduction {
    /** The mean over all m·n elements: PyTorch's default. */
    MEAN,
    /** The sum over all m·n elements. */
    SUM
}
