package io.github.backprop4j.bench;

/**
 * The four benchmark networks, the same as those of the PyTorch script
 * {@code bench/pytorch/mlp_bench.py}: MSE regressors
 * {@code Linear → ReLU → Linear → ReLU → Linear} trained on one fixed batch.
 */
public enum MlpConfig {

    /** Tiny: 1 → 32 → 32 → 1, batch 32. */
    T(32, 1, 32, 32, 1),
    /** Small: 8 → 64 → 64 → 1, batch 64. */
    S(64, 8, 64, 64, 1),
    /** Medium: 64 → 256 → 256 → 1, batch 256. */
    M(256, 64, 256, 256, 1),
    /** Large: 784 → 512 → 512 → 10, batch 256. */
    L(256, 784, 512, 512, 10);

    private final int batch;
    private final int[] widths;

    MlpConfig(int batch, int... widths) {
        this.batch = batch;
        this.widths = widths;
    }

    /**
     * The batch size m.
     *
     * @return the number of rows of the input batch
     */
    public int batch() {
        return batch;
    }

    /**
     * The layer widths, input first.
     *
     * @return a copy, e.g. {@code {1, 32, 32, 1}}
     */
    public int[] widths() {
        return widths.clone();
    }

    /** {@code T 1→32→32→1 batch 32}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append(' ');
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "→").append(widths[i]);
        }
        return sb.append(" batch ").append(batch).toString();
    }
}
