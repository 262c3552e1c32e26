package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    /**
     * Rows whose single feature is the row index and whose one-hot target is {@code classOf[i]}
     * among {@code classes} columns.
     */
    private static Dataset labelled(int classes, int... classOf) {
        Matrix x = Matrix.zeros(classOf.length, 1);
        Matrix y = Matrix.zeros(classOf.length, classes);
        for (int i = 0; i < classOf.length; i++) {
            x.set(i, 0, i);
            y.set(i, classOf[i], 1);
        }
        return new Dataset(x, y);
    }

    private static int[] ids(Dataset d) {
        return IntStream.range(0, d.size()).map(i -> (int) d.features().get(i, 0)).toArray();
    }

    /** The class of each row of a part, read from its one-hot targets. */
    private static int[] classCounts(Dataset d) {
        int[] counts = new int[d.targetCount()];
        Matrix y = d.targets();
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < d.targetCount(); k++) {
                counts[k] += (int) y.get(i, k);
            }
        }
        return counts;
    }

    /**
     * A generator whose nextInt(bound) is always {@code bound − 1}: Fisher–Yates swaps every
     * element with itself, so the permutation is the identity 0, 1, ..., n − 1.
     */
    private static RandomGenerator identityOrder() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }
        };
    }

    /**
     * A generator whose nextInt(bound) is always 0: for i = n−1 down to 1 Fisher–Yates swaps
     * positions i and 0, which turns 0, 1, ..., n − 1 into 1, 2, ..., n − 1, 0.
     */
    private static RandomGenerator rotatedOrder() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return 0;
            }
        };
    }

    // classes of rows 0..9: class 0 = {0, 2, 3, 5, 7}, class 1 = {1, 4, 6}, class 2 = {8, 9}
    private static final int[] TEN = {0, 1, 0, 0, 1, 0, 1, 0, 2, 2};

    @Test
    void stratified_half_roundsEachClassHalfUp_firstRowsOfThePermutationAreTest() {
        // round(0.5·5) = 3, round(0.5·3) = 2, round(0.5·2) = 1; walking 0, 1, ..., 9 the first
        // 3 of class 0 are 0, 2, 3, the first 2 of class 1 are 1, 4, the first of class 2 is 8
        Split s = Split.stratified(labelled(3, TEN), 0.5, identityOrder());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 8}, ids(s.test()));
        assertArrayEquals(new int[] {5, 6, 7, 9}, ids(s.train()));
        assertArrayEquals(new int[] {3, 2, 1}, classCounts(s.test()));
        assertArrayEquals(new int[] {2, 1, 1}, classCounts(s.train()));
    }

    @Test
    void stratified_otherPermutation_picksTheClassesFirstRowsAlongIt() {
        // walking 1, 2, ..., 9, 0: class 0 gives 2, 3, 5; class 1 gives 1, 4; class 2 gives 8
        Split s = Split.stratified(labelled(3, TEN), 0.5, rotatedOrder());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 8}, ids(s.test()));
        assertArrayEquals(new int[] {0, 6, 7, 9}, ids(s.train()));
    }

    @Test
    void stratified_fractionBelowHalfARow_roundsDown() {
        // 0.2·12 = 2.4 → 2 and 0.2·8 = 1.6 → 2 test rows
        int[] classes = IntStream.range(0, 20).map(i -> i < 12 ? 0 : 1).toArray();
        Split s = Split.stratified(labelled(2, classes), 0.2, new SplittableRandom(3));
        assertArrayEquals(new int[] {2, 2}, classCounts(s.test()));
        assertArrayEquals(new int[] {10, 6}, classCounts(s.train()));
    }

    @Test
    void stratified_seeded_everyRowOnceSharesKeptAndRepeatable() {
        int[] classes = IntStream.range(0, 150).map(i -> i % 3 == 0 ? 0 : i % 5 == 0 ? 2 : 1)
                .toArray();
        Dataset d = labelled(3, classes);
        Split a = Split.stratified(d, 0.2, new SplittableRandom(42));
        // 50 rows of class 0, 20 of class 2 (i % 5 == 0, i % 3 != 0), 80 of class 1
        assertArrayEquals(new int[] {10, 16, 4}, classCounts(a.test()));
        assertArrayEquals(new int[] {40, 64, 16}, classCounts(a.train()));
        int[] all = IntStream.concat(Arrays.stream(ids(a.train())), Arrays.stream(ids(a.test())))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 150).toArray(), all, "every row exactly once");
        int[] test = ids(a.test());
        assertArrayEquals(Arrays.stream(test).sorted().toArray(), test, "original order kept");
        assertArrayEquals(test, ids(Split.stratified(d, 0.2, new SplittableRandom(42)).test()));
        assertFalse(Arrays.equals(test,
                ids(Split.stratified(d, 0.2, new SplittableRandom(43)).test())));
    }

    @Test
    void stratified_oneClass_drawsTheSameTestRowsAsRandom() {
        Dataset d = labelled(1, new int[40]);
        assertArrayEquals(ids(Split.random(d, 0.25, new SplittableRandom(7)).test()),
                ids(Split.stratified(d, 0.25, new SplittableRandom(7)).test()));
    }

    @Test
    void stratified_classWithoutRows_isAllowed() {
        Split s = Split.stratified(labelled(3, 0, 0, 2, 2), 0.5, identityOrder());
        assertArrayEquals(new int[] {0, 2}, ids(s.test()));
        assertArrayEquals(new int[] {1, 0, 1}, classCounts(s.test()));
    }

    @Test
    void stratified_badFraction_throws() {
        Dataset d = labelled(2, 0, 1, 0, 1);
        for (double f : new double[] {0, 1, -0.1, Double.NaN}) {
            assertEquals("Split.stratified: testFraction must be in (0, 1), got " + f,
                    assertThrows(IllegalArgumentException.class,
                            () -> Split.stratified(d, f, new SplittableRandom(1))).getMessage());
        }
    }

    @Test
    void stratified_classTooSmallForTheFraction_namesTheClassAndTheRounding() {
        assertEquals("Split.stratified: every class must have rows in both parts, got class 1"
                + " with 1 rows, of which round(0.3·1) = 0 go to the test set",
                assertThrows(IllegalArgumentException.class, () -> Split.stratified(
                        labelled(2, 0, 0, 0, 1, 0), 0.3, new SplittableRandom(1))).getMessage());
        assertEquals("Split.stratified: every class must have rows in both parts, got class 0"
                + " with 2 rows, of which round(0.8·2) = 2 go to the test set",
                assertThrows(IllegalArgumentException.class, () -> Split.stratified(
                        labelled(2, 0, 1, 1, 0, 1, 1, 1), 0.8, new SplittableRandom(1)))
                        .getMessage());
    }

    @Test
    void stratified_targetsNotOneHot_throwNamingTheEntry() {
        Matrix x = Matrix.zeros(3, 1);
        Dataset half = new Dataset(x, Matrix.of(new double[][] {{1, 0}, {0.5, 0.5}, {0, 1}}));
        assertEquals("Split.stratified: targets must be one-hot (a single 1, zeros elsewhere),"
                + " got 0.5 at (1,0) of the 3x2 matrix",
                assertThrows(IllegalArgumentException.class,
                        () -> Split.stratified(half, 0.5, new SplittableRandom(1))).getMessage());
        Dataset two = new Dataset(x, Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        assertEquals("Split.stratified: targets must be one-hot (a single 1, zeros elsewhere),"
                + " got a second 1 at (2,1) of the 3x2 matrix",
                assertThrows(IllegalArgumentException.class,
                        () -> Split.stratified(two, 0.5, new SplittableRandom(1))).getMessage());
        Dataset none = new Dataset(x, Matrix.of(new double[][] {{1, 0}, {0, 0}, {0, 1}}));
        assertEquals("Split.stratified: targets must be one-hot (a single 1, zeros elsewhere),"
                + " got no 1 in row 1 of the 3x2 matrix",
                assertThrows(IllegalArgumentException.class,
                        () -> Split.stratified(none, 0.5, new SplittableRandom(1))).getMessage());
        Dataset negative = new Dataset(x, Matrix.of(new double[][] {{1, 0}, {-1, 1}, {0, 1}}));
        assertEquals("Split.stratified: targets must be one-hot (a single 1, zeros elsewhere),"
                + " got -1.0 at (1,0) of the 3x2 matrix",
                assertThrows(IllegalArgumentException.class,
                        () -> Split.stratified(negative, 0.5, new SplittableRandom(1)))
                        .getMessage());
    }

    @Test
    void stratified_nulls_throwNamingTheArgument() {
        Dataset d = labelled(2, 0, 1);
        assertEquals("Split.stratified: data must not be null", assertThrows(
                NullPointerException.class,
                () -> Split.stratified(null, 0.5, new SplittableRandom(1))).getMessage());
        assertEquals("Split.stratified: rng must not be null", assertThrows(
                NullPointerException.class, () -> Split.stratified(d, 0.5, null)).getMessage());
    }
}
