package io.github.backprop4j.data;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;

/**
 * One mini-batch: some rows of a {@link Dataset}'s features and the matching targets.
 *
 * <p><b>A batch is overwritten by the next one.</b> Its matrices are buffers owned by the
 * {@link Batches} loader and refilled in place for every batch, so that iterating allocates
 * nothing; the {@code Batch} object itself is reused too. Use a batch within its loop iteration,
 * and call {@link Matrix#copy()} on a matrix to keep it longer. Do not change the matrices
 * (they would simply be overwritten, but a reshaped buffer would defeat the reuse).
 */
public final class Batch {

    private final Matrix features;
    private final Matrix targets;
    private int index;

    Batch(int rows, int featureCount, int targetCount) {
        this.features = Matrix.zeros(rows, featureCount);
        this.targets = Matrix.zeros(rows, targetCount);
    }

    /**
     * The batch's features, (m×f) for a batch of m samples.
     *
     * @return the loader-owned buffer, overwritten by the next batch
     */
    public Matrix features() {
        return features;
    }

    /**
     * The batch's targets, (m×t), row-aligned with {@link #features()}.
     *
     * @return the loader-owned buffer, overwritten by the next batch
     */
    public Matrix targets() {
        return targets;
    }

    /**
     * The number of samples m: the batch size, or fewer for the last batch of an epoch.
     *
     * @return m
     */
    public int size() {
        return features.rows();
    }

    /**
     * This batch's position within its epoch, from 0.
     *
     * @return the zero-based batch number
     */
    public int index() {
        return index;
    }

    /**
     * Refills the buffers with rows {@code order[from]}, ..., {@code order[from + count − 1]}.
     * The buffers are reshaped only when {@code count} differs from the current batch size,
     * and a reshape to at most the first batch's size reuses the storage.
     */
    void fill(Dataset data, int[] order, int from, int count, int batchIndex) {
        if (features.rows() != count) {
            features.reshape(count, data.featureCount());
            targets.reshape(count, data.targetCount());
        }
        Dataset.copyRows(data.featuresView(), order, from, count, features);
        Dataset.copyRows(data.targetsView(), order, from, count, targets);
        this.index = batchIndex;
    }

    /** A summary: {@code Batch[#3, features 32x10, targets 32x1]}. */
    @Override
    public String toString() {
        return "Batch[#" + index + ", features " + Shapes.shape(features) + ", targets "
                + Shapes.shape(targets) + "]";
    }
}
