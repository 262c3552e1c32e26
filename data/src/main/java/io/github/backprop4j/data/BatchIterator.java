package io.github.backprop4j.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The batches of one epoch, from {@link Batches#epoch()} or {@link Batches#epoch(
 * java.util.random.RandomGenerator)}.
 *
 * <p>It is both the iterator and, for the for-each loop, its own {@link Iterable}: it can be
 * walked once. Either spelling works:
 * <pre>{@code
 * for (Batch b : loader.epoch(rng)) { ... }
 *
 * BatchIterator it = loader.epoch(rng);
 * while (it.hasNext()) { Batch b = it.next(); ... }
 * }</pre>
 * Every {@link #next()} returns the same {@link Batch} object, refilled: a batch is overwritten
 * by the next one.
 */
public final class BatchIterator implements Iterator<Batch>, Iterable<Batch> {

    private final Batches loader;
    private final long epoch;
    private final int count;
    private int next;

    BatchIterator(Batches loader, long epoch) {
        this.loader = loader;
        this.epoch = epoch;
        this.count = loader.batchesPerEpoch();
    }

    /**
     * Whether this epoch has another batch.
     *
     * @return {@code true} if {@link #next()} will return a batch
     */
    @Override
    public boolean hasNext() {
        return next < count;
    }

    /**
     * Fills the loader's batch buffers with the next batch of this epoch. Allocates nothing.
     *
     * @return the loader's reused batch, overwritten by the next call
     * @throws NoSuchElementException if the epoch is over
     * @throws IllegalStateException if the loader has started a newer epoch since this one
     */
    @Override
    public Batch next() {
        if (loader.epochNumber() != epoch) {
            throw new IllegalStateException("BatchIterator.next: this epoch was superseded by a"
                    + " later call of epoch(); use the newest iterator");
        }
        if (next >= count) {
            throw new NoSuchElementException("BatchIterator.next: the epoch's " + count
                    + " batches are used up; call epoch() for the next epoch");
        }
        return loader.fill(next++);
    }

    /**
     * This iterator itself, so that an epoch can be used in a for-each loop.
     *
     * @return this
     */
    @Override
    public Iterator<Batch> iterator() {
        return this;
    }

    /**
     * How many batches this epoch has in all.
     *
     * @return the number of batches
     */
    public int batchCount() {
        return count;
    }
}
