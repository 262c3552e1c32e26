package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    /** n rows whose single feature is the row index and whose target is 2·index. */
    private static Dataset numbered(int n) {
        Matrix x = Matrix.zeros(n, 1);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
            y.set(i, 0, 2 * i);
        }
        return new Dataset(x, y);
    }

    private static int[] ids(Dataset d) {
        int[] ids = new int[d.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) d.features().get(i, 0);
            assertEquals(2.0 * ids[i], d.targets().get(i, 0), 0.0);
        }
        return ids;
    }

    private static void assertPartition(Split s, int n) {
        int[] all = IntStream.concat(Arrays.stream(ids(s.train())), Arrays.stream(ids(s.test())))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all, "every row in exactly one part");
    }

    @Test
    void everyKth_fiveAndFour_testRowsAreExactlyIModFiveEqualsFour() {
        Split s = Split.everyKth(numbered(23), 5, 4);
        assertArrayEquals(new int[] {4, 9, 14, 19}, ids(s.test()));
        assertArrayEquals(IntStream.range(0, 23).filter(i -> i % 5 != 4).toArray(), ids(s.train()));
    }

    @Test
    void everyKth_offsetZero_startsAtFirstRow() {
        assertArrayEquals(new int[] {0, 3, 6}, ids(Split.everyKth(numbered(9), 3, 0).test()));
    }

    @Test
    void everyKth_badArguments_throw() {
        assertEquals("Split.everyKth: k must be >= 2, got 1", assertThrows(
                IllegalArgumentException.class, () -> Split.everyKth(numbered(5), 1, 0))
                .getMessage());
        assertEquals("Split.everyKth: offset must be in [0, 5), got 5", assertThrows(
                IllegalArgumentException.class, () -> Split.everyKth(numbered(5), 5, 5))
                .getMessage());
        assertEquals("Split.everyKth: both parts must have at least one row, got 3 training and 0"
                + " test rows of 3", assertThrows(IllegalArgumentException.class,
                        () -> Split.everyKth(numbered(3), 5, 4)).getMessage());
    }

    @Test
    void random_quarterOfForty_givesTenTestRowsDisjointFromTraining() {
        Split s = Split.random(numbered(40), 0.25, new SplittableRandom(42));
        assertEquals(10, s.test().size());
        assertEquals(30, s.train().size());
        assertPartition(s, 40);
        int[] test = ids(s.test());
        assertArrayEquals(Arrays.stream(test).sorted().toArray(), test, "original order kept");
    }

    @Test
    void random_sameSeedSameSplit_differentSeedDifferentSplit() {
        Dataset d = numbered(40);
        int[] a = ids(Split.random(d, 0.25, new SplittableRandom(1)).test());
        int[] b = ids(Split.random(d, 0.25, new SplittableRandom(1)).test());
        int[] c = ids(Split.random(d, 0.25, new SplittableRandom(2)).test());
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void random_roundsTestCount() {
        // round(0.1·30) = 3, although 0.1·30 is 3.0000000000000004 in doubles
        assertEquals(3, Split.random(numbered(30), 0.1, new SplittableRandom(5)).test().size());
    }

    @Test
    void random_fractionLeavingEmptyPart_throws() {
        assertEquals("Split.random: testFraction must leave at least one row in each part, got"
                + " 0.01 of 10 rows, that is 0 test rows", assertThrows(
                IllegalArgumentException.class,
                () -> Split.random(numbered(10), 0.01, new SplittableRandom(1))).getMessage());
        assertEquals("Split.random: testFraction must be in (0, 1), got 1.0", assertThrows(
                IllegalArgumentException.class,
                () -> Split.random(numbered(10), 1.0, new SplittableRandom(1))).getMessage());
    }

    @Test
    void byPredicate_rule_picksMatchingRowsAsTest() {
        Split s = Split.byPredicate(numbered(10), i -> i < 3);
        assertArrayEquals(new int[] {0, 1, 2}, ids(s.test()));
        assertArrayEquals(new int[] {3, 4, 5, 6, 7, 8, 9}, ids(s.train()));
        assertPartition(s, 10);
    }

    @Test
    void byPredicate_everyRowTest_throws() {
        assertEquals("Split.byPredicate: both parts must have at least one row, got 0 training"
                + " and 4 test rows of 4", assertThrows(IllegalArgumentException.class,
                        () -> Split.byPredicate(numbered(4), i -> true)).getMessage());
    }
}
