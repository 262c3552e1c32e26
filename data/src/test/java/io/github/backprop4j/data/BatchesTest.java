package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static final double EXACT = 0.0;

    /** n rows: features (i, −i), target 10·i, so every row can be recognised and checked. */
    private static Dataset numbered(int n) {
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
            x.set(i, 1, -i);
            y.set(i, 0, 10 * i);
        }
        return new Dataset(x, y);
    }

    /** The row ids of one epoch, batch by batch, checking that targets match features. */
    private static List<int[]> walk(BatchIterator epoch) {
        List<int[]> batches = new ArrayList<>();
        for (Batch b : epoch) {
            int[] ids = new int[b.size()];
            for (int r = 0; r < b.size(); r++) {
                ids[r] = (int) b.features().get(r, 0);
                assertEquals(-ids[r], b.features().get(r, 1), EXACT);
                assertEquals(10 * ids[r], b.targets().get(r, 0), EXACT);
            }
            batches.add(ids);
        }
        return batches;
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static int[] sizes(List<int[]> batches) {
        return batches.stream().mapToInt(a -> a.length).toArray();
    }

    @Test
    void epoch_inOrderBatchSizeNotDividingRows_coversEveryRowOnceWithShortLastBatch() {
        List<int[]> batches = walk(new Batches(numbered(10), 4).epoch());
        assertArrayEquals(new int[] {4, 4, 2}, sizes(batches));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, flatten(batches));
    }

    @Test
    void epoch_shuffled_coversEveryRowExactlyOnce() {
        Batches loader = new Batches(numbered(10), 4);
        SplittableRandom rng = new SplittableRandom(7);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<int[]> batches = walk(loader.epoch(rng));
            assertArrayEquals(new int[] {4, 4, 2}, sizes(batches));
            int[] seen = flatten(batches);
            Arrays.sort(seen);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, seen);
        }
    }

    @Test
    void epoch_dropLast_skipsShortBatchAndNoRowRepeats() {
        Batches loader = new Batches(numbered(10), 4, true);
        assertEquals(2, loader.batchesPerEpoch());
        List<int[]> batches = walk(loader.epoch(new SplittableRandom(3)));
        assertArrayEquals(new int[] {4, 4}, sizes(batches));
        int[] seen = flatten(batches);
        assertEquals(8, Arrays.stream(seen).distinct().count());
        assertTrue(Arrays.stream(seen).allMatch(i -> i >= 0 && i < 10));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, flatten(walk(loader.epoch())));
    }

    @Test
    void epoch_batchSizeDividesRows_allBatchesFull() {
        assertArrayEquals(new int[] {3, 3, 3}, sizes(walk(new Batches(numbered(9), 3).epoch())));
        assertArrayEquals(new int[] {3, 3, 3},
                sizes(walk(new Batches(numbered(9), 3, true).epoch())));
    }

    @Test
    void epoch_batchSizeLargerThanData_oneBatchOfAllRows() {
        assertArrayEquals(new int[] {5}, sizes(walk(new Batches(numbered(5), 32).epoch())));
    }

    @Test
    void epoch_sameSeed_sameOrder_differentSeed_differentOrder() {
        Batches loader = new Batches(numbered(20), 6);
        int[] first = flatten(walk(loader.epoch(new SplittableRandom(42))));
        int[] again = flatten(walk(loader.epoch(new SplittableRandom(42))));
        int[] other = flatten(walk(loader.epoch(new SplittableRandom(43))));
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
        assertFalse(Arrays.equals(first, flatten(walk(loader.epoch()))),
                "a shuffled epoch of 20 rows should not be the identity");
    }

    @Test
    void epoch_successiveShuffles_differ() {
        Batches loader = new Batches(numbered(20), 6);
        SplittableRandom rng = new SplittableRandom(1);
        assertNotEquals(Arrays.toString(flatten(walk(loader.epoch(rng)))),
                Arrays.toString(flatten(walk(loader.epoch(rng)))));
    }

    @Test
    void next_everyBatch_reusesSameBatchAndBuffers() {
        Batches loader = new Batches(numbered(10), 4);
        BatchIterator it = loader.epoch();
        Batch first = it.next();
        Matrix features = first.features();
        Matrix targets = first.targets();
        double[] storage = features.unwrap().data;
        Batch second = it.next();
        Batch last = it.next();                      // the short batch, 2 rows
        assertSame(first, second);
        assertSame(first, last);
        assertSame(features, last.features());
        assertSame(targets, last.targets());
        assertSame(storage, last.features().unwrap().data);
        assertEquals(2, last.size());
        assertEquals(2, last.index());
        Batch nextEpoch = loader.epoch().next();      // back to 4 rows, same storage
        assertSame(first, nextEpoch);
        assertEquals(4, nextEpoch.size());
        assertSame(storage, nextEpoch.features().unwrap().data);
    }

    @Test
    void next_afterLastBatch_throwsNoSuchElement() {
        BatchIterator it = new Batches(numbered(3), 2).epoch();
        it.next();
        it.next();
        assertFalse(it.hasNext());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, it::next);
        assertEquals("BatchIterator.next: the epoch's 2 batches are used up; call epoch() for the"
                + " next epoch", e.getMessage());
    }

    @Test
    void next_onIteratorOfEarlierEpoch_throwsIllegalState() {
        Batches loader = new Batches(numbered(6), 2);
        BatchIterator old = loader.epoch();
        old.next();
        loader.epoch();
        IllegalStateException e = assertThrows(IllegalStateException.class, old::next);
        assertEquals("BatchIterator.next: this epoch was superseded by a later call of epoch();"
                + " use the newest iterator", e.getMessage());
    }

    @Test
    void constructor_badBatchSize_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Batches(numbered(5), 0));
        assertEquals("Batches: batchSize must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Batches(numbered(5), 8, true));
        assertEquals("Batches: batchSize must be <= the dataset size 5 when dropLast is set (or"
                + " every batch would be dropped), got 8", e.getMessage());
    }

    @Test
    void fisherYates_smallCase_matchesHandTrace() {
        // n = 3 with a generator whose nextInt(bound) answers are traced by hand:
        // i = 2: j = nextInt(3); i = 1: j = nextInt(2). Answers 0 then 0:
        // [0,1,2] → swap(2,0) → [2,1,0] → swap(1,0) → [1,2,0]
        int[] order = new int[3];
        Iterator<Integer> answers = List.of(0, 0).iterator();
        Permutations.shuffle(order, new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("only nextInt(bound) is used");
            }

            @Override
            public int nextInt(int bound) {
                return answers.next();
            }
        });
        assertArrayEquals(new int[] {1, 2, 0}, order);
    }
}
