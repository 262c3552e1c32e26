package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.backprop4j.core.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Splits and mini-batches lose no row and repeat none, for any size and seed: every row of a
 * data set is in exactly one part of a split, and in exactly one batch of an epoch (at most one
 * when the last, short batch is dropped). Row i of the data set here has the feature i and the
 * targets (−i, 2i), so every row read back names where it came from.
 *
 * <p>jqwik draws from a fixed seed, so every run checks the same cases.
 */
class CoveragePropertiesTest {

    private static final String SEED = "20261201";
    private static final int TRIES = 200;

    /** Any seed; a seed has no edge cases worth trying first. */
    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }

    /** n rows; row i is the feature i with the targets −i and 2i. */
    private static Dataset numbered(int n) {
        Matrix features = Matrix.zeros(n, 1);
        Matrix targets = Matrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            features.set(i, 0, i);
            targets.set(i, 0, -i);
            targets.set(i, 1, 2 * i);
        }
        return new Dataset(features, targets);
    }

    /** The row numbers a part holds, in its order, after checking that its targets match. */
    private static List<Integer> rowsOf(Matrix features, Matrix targets) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < features.rows(); r++) {
            int i = (int) features.get(r, 0);
            assertEquals(i, features.get(r, 0), 0.0, "a row number");
            assertEquals(-i, targets.get(r, 0), 0.0, "first target of row " + i);
            assertEquals(2 * i, targets.get(r, 1), 0.0, "second target of row " + i);
            rows.add(i);
        }
        return rows;
    }

    private static List<Integer> increasing(List<Integer> rows) {
        return rows.stream().sorted().toList();
    }

    private static List<Integer> all(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** Both parts together hold every row once; each keeps the original order. */
    private static void assertPartition(int n, Split split) {
        List<Integer> train = rowsOf(split.train().features(), split.train().targets());
        List<Integer> test = rowsOf(split.test().features(), split.test().targets());
        assertEquals(increasing(train), train, "training rows in their original order");
        assertEquals(increasing(test), test, "test rows in their original order");
        List<Integer> both = new ArrayList<>(train);
        both.addAll(test);
        assertEquals(all(n), increasing(both), "every row in exactly one part");
    }

    @Property(tries = TRIES, seed = SEED)
    void random_anySizeFractionAndSeed_putsEveryRowInExactlyOnePart(
            @ForAll @IntRange(min = 2, max = 300) int n,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double testFraction,
            @ForAll("seeds") long seed) {
        long testCount = Math.round(testFraction * n);
        Assume.that(testCount >= 1 && testCount < n);

        Split split = Split.random(numbered(n), testFraction, new SplittableRandom(seed));

        assertPartition(n, split);
        assertEquals(testCount, split.test().size());
    }

    @Property(tries = TRIES, seed = SEED)
    void random_sameSeedTwice_givesTheSameSplit(
            @ForAll @IntRange(min = 2, max = 300) int n, @ForAll("seeds") long seed) {
        Dataset data = numbered(n);

        Split first = Split.random(data, 0.5, new SplittableRandom(seed));
        Split second = Split.random(data, 0.5, new SplittableRandom(seed));

        assertArrayEquals(first.test().features().toRowMajorArray(),
                second.test().features().toRowMajorArray());
    }

    @Property(tries = TRIES, seed = SEED)
    void everyKth_anySizePeriodAndOffset_testsExactlyTheRowsAtThatOffset(
            @ForAll @IntRange(min = 2, max = 300) int n,
            @ForAll @IntRange(min = 2, max = 10) int k,
            @ForAll @IntRange(min = 0, max = 9) int offset) {
        Assume.that(offset < k && offset < n);

        Split split = Split.everyKth(numbered(n), k, offset);

        assertPartition(n, split);
        List<Integer> expected = all(n).stream().filter(i -> i % k == offset).toList();
        assertEquals(expected, rowsOf(split.test().features(), split.test().targets()));
    }

    @Property(tries = TRIES, seed = SEED)
    void epoch_anySizeBatchSizeAndSeed_givesEveryRowExactlyOnce(
            @ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 250) int batchSize,
            @ForAll boolean shuffled, @ForAll("seeds") long seed) {
        Batches batches = new Batches(numbered(n), batchSize);
        BatchIterator epoch = shuffled ? batches.epoch(new SplittableRandom(seed)) : batches.epoch();

        List<Integer> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int index = 0;
        for (Batch batch : epoch) {
            assertEquals(index++, batch.index());
            sizes.add(batch.size());
            seen.addAll(rowsOf(batch.features(), batch.targets()));
        }

        int count = (n + batchSize - 1) / batchSize;
        assertEquals(count, sizes.size());
        assertEquals(count, batches.batchesPerEpoch());
        for (int b = 0; b < count - 1; b++) {
            assertEquals(batchSize, sizes.get(b), "batch " + b);
        }
        assertEquals(n - (count - 1) * batchSize, sizes.get(count - 1), "the last batch");
        assertEquals(all(n), increasing(seen), "every row exactly once");
        if (!shuffled) {
            assertEquals(all(n), seen, "the rows in order");
        }
        assertFalse(epoch.hasNext());
    }

    @Property(tries = TRIES, seed = SEED)
    void epoch_dropLast_givesOnlyFullBatchesOfDistinctRows(
            @ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 200) int batchSize, @ForAll("seeds") long seed) {
        Assume.that(batchSize <= n);
        Batches batches = new Batches(numbered(n), batchSize, true);

        List<Integer> seen = new ArrayList<>();
        int count = 0;
        for (Batch batch : batches.epoch(new SplittableRandom(seed))) {
            assertEquals(batchSize, batch.size(), "batch " + count);
            seen.addAll(rowsOf(batch.features(), batch.targets()));
            count++;
        }

        assertEquals(n / batchSize, count);
        assertEquals(count, batches.batchesPerEpoch());
        assertEquals(count * batchSize, seen.stream().distinct().count(), "no row twice");
        assertEquals(count * batchSize, seen.size());
    }
}
