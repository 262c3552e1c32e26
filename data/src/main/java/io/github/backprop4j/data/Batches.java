package io.github.backprop4j.data;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Splits a {@link Dataset} into mini-batches, epoch after epoch, optionally in a new random order
 * each epoch.
 *
 * <pre>{@code
 * Batches loader = new Batches(train, 32);
 * RandomGenerator rng = new SplittableRandom(42);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     for (Batch b : loader.epoch(rng)) {         // shuffled; loader.epoch() keeps row order
 *         optimizer.zeroGrad();
 *         double l = loss.forward(model.forward(b.features()), b.targets());
 *         model.backward(loss.backward());
 *         optimizer.step();
 *     }
 * }
 * }</pre>
 *
 * <p><b>What an epoch is.</b> The rows are put in an order (the row order, or a Fisher–Yates
 * permutation drawn from the caller's generator: every row exactly once, without replacement)
 * and cut into consecutive batches of {@code batchSize} rows. When the batch size does not divide
 * the number of rows n, the last batch is short, with {@code n % batchSize} rows, unless
 * {@code dropLast} is set, in which case those rows are skipped for this epoch (a new shuffle
 * puts other rows there next time).
 *
 * <p><b>Buffers.</b> The loader owns one {@link Batch} whose two matrices are refilled for every
 * batch and reshaped only when the batch size changes (for the short last batch, and back).
 * Each returned batch is therefore overwritten by the next: copy what you want to keep. Once
 * the buffers exist, iterating allocates nothing per batch; {@link #epoch} creates one small
 * {@link BatchIterator} per epoch. One epoch runs at a time: starting a new epoch makes the
 * previous epoch's iterator fail with {@link IllegalStateException}.
 */
public final class Batches {

    private final Dataset dataset;
    private final int batchSize;
    private final boolean dropLast;
    private final int[] order;
    private final Batch batch;
    private long epochs;

    /**
     * A loader that keeps the short last batch.
     *
     * @param dataset   the data; kept (it is immutable)
     * @param batchSize rows per batch, {@code >= 1}; larger than the data set means one batch
     */
    public Batches(Dataset dataset, int batchSize) {
        this(dataset, batchSize, false);
    }

    /**
     * A loader.
     *
     * @param dataset   the data; kept (it is immutable)
     * @param batchSize rows per batch, {@code >= 1}
     * @param dropLast  {@code true} to skip the last batch of an epoch when it would be short
     * @throws IllegalArgumentException if {@code batchSize < 1}, or if {@code dropLast} is set
     *         and {@code batchSize} exceeds the data set (an epoch would have no batch at all)
     */
    public Batches(Dataset dataset, int batchSize, boolean dropLast) {
        this.dataset = Objects.requireNonNull(dataset, "Batches: dataset must not be null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batches: batchSize must be >= 1, got " + batchSize);
        }
        if (dropLast && batchSize > dataset.size()) {
            throw new IllegalArgumentException("Batches: batchSize must be <= the dataset size "
                    + dataset.size() + " when dropLast is set (or every batch would be dropped),"
                    + " got " + batchSize);
        }
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.order = new int[dataset.size()];
        this.batch = new Batch(Math.min(batchSize, dataset.size()), dataset.featureCount(),
                dataset.targetCount());
    }

    /**
     * Starts an epoch that visits the rows in their order in the data set.
     *
     * @return an iterator over this epoch's batches, usable once in a for-each loop
     */
    public BatchIterator epoch() {
        return start(null);
    }

    /**
     * Starts an epoch that visits the rows in a fresh random order: a Fisher–Yates permutation
     * of 0..n−1 drawn from {@code rng} (n − 1 calls of {@code rng.nextInt(bound)}). The same
     * generator state gives the same order.
     *
     * @param rng the source of randomness
     * @return an iterator over this epoch's batches, usable once in a for-each loop
     */
    public BatchIterator epoch(RandomGenerator rng) {
        Objects.requireNonNull(rng, "Batches.epoch: rng must not be null; call epoch() for"
                + " the rows in order");
        return start(rng);
    }

    private BatchIterator start(RandomGenerator rng) {
        Permutations.shuffle(order, rng);
        epochs++;
        return new BatchIterator(this, epochs);
    }

    /**
     * The number of batches in every epoch: ⌈n / batchSize⌉, or ⌊n / batchSize⌋ with
     * {@code dropLast}.
     *
     * @return batches per epoch, {@code >= 1}
     */
    public int batchesPerEpoch() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The number of rows per full batch.
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Whether a short last batch is skipped.
     *
     * @return {@code true} if it is
     */
    public boolean dropLast() {
        return dropLast;
    }

    /**
     * The data set the batches come from.
     *
     * @return the data set
     */
    public Dataset dataset() {
        return dataset;
    }

    /** The number of the current epoch, for {@link BatchIterator} to detect a stale iterator. */
    long epochNumber() {
        return epochs;
    }

    /** Fills the shared batch with batch number {@code index} of the current order. */
    Batch fill(int index) {
        int from = index * batchSize;
        int count = Math.min(batchSize, dataset.size() - from);
        batch.fill(dataset, order, from, count, index);
        return batch;
    }

    /** A summary: {@code Batches(batchSize=32, dropLast=false, 14 batches of Dataset[...])}. */
    @Override
    public String toString() {
        return "Batches(batchSize=" + batchSize + ", dropLast=" + dropLast + ", "
                + batchesPerEpoch() + " batches of " + dataset + ")";
    }
}
