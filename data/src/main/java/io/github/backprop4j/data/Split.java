package io.github.backprop4j.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * A data set divided into a training part and a test part, each holding some of its rows.
 *
 * <p>Every row goes to exactly one part, and each part keeps the rows in their original order.
 * Both parts must have at least one row. Three ways to split:
 * <ul>
 *   <li>{@link #random}: a seeded random test set of a given fraction;</li>
 *   <li>{@link #everyKth}: a fixed rule, test rows are those with {@code i % k == offset};</li>
 *   <li>{@link #byPredicate}: any rule on the zero-based row index.</li>
 * </ul>
 *
 * @param train the training rows
 * @param test  the test rows
 */
public record Split(Dataset train, Dataset test) {

    /**
     * A split of two data sets.
     *
     * @param train the training rows
     * @param test  the test rows
     */
    public Split {
        Objects.requireNonNull(train, "Split: train must not be null");
        Objects.requireNonNull(test, "Split: test must not be null");
    }

    /**
     * A random split: the test set is the first {@code round(testFraction·n)} rows of a
     * Fisher–Yates permutation drawn from {@code rng} (as {@link Batches#epoch(RandomGenerator)}
     * draws one), the training set is the rest. The same generator state gives the same split.
     *
     * @param data         the data set
     * @param testFraction the share of rows for testing, in (0, 1)
     * @param rng          the source of randomness
     * @return the split; both parts keep the original row order
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or leaves a part empty
     */
    public static Split random(Dataset data, double testFraction, RandomGenerator rng) {
        Objects.requireNonNull(data, "Split.random: data must not be null");
        Objects.requireNonNull(rng, "Split.random: rng must not be null");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("Split.random: testFraction must be in (0, 1), got "
                    + testFraction);
        }
        int n = data.size();
        long testCount = Math.round(testFraction * n);
        if (testCount < 1 || testCount >= n) {
            throw new IllegalArgumentException("Split.random: testFraction must leave at least one"
                    + " row in each part, got " + testFraction + " of " + n + " rows, that is "
                    + testCount + " test rows");
        }
        int[] order = new int[n];
        Permutations.shuffle(order, rng);
        boolean[] isTest = new boolean[n];
        for (int i = 0; i < testCount; i++) {
            isTest[order[i]] = true;
        }
        return divide("Split.random", data, i -> isTest[i]);
    }

    /**
     * A deterministic split by position: row i is a test row exactly when
     * {@code i % k == offset} (zero-based i). With k = 5 and offset = 4 the test set is rows
     * 4, 9, 14, ..., a fifth of the data spread evenly through it.
     *
     * @param data   the data set
     * @param k      the period, {@code >= 2}
     * @param offset which row of each period is a test row, in [0, k)
     * @return the split; both parts keep the original row order
     * @throws IllegalArgumentException if k or offset is out of range, or a part would be empty
     */
    public static Split everyKth(Dataset data, int k, int offset) {
        Objects.requireNonNull(data, "Split.everyKth: data must not be null");
        if (k < 2) {
            throw new IllegalArgumentException("Split.everyKth: k must be >= 2, got " + k);
        }
        if (offset < 0 || offset >= k) {
            throw new IllegalArgumentException("Split.everyKth: offset must be in [0, " + k
                    + "), got " + offset);
        }
        return divide("Split.everyKth", data, i -> i % k == offset);
    }

    /**
     * A split by any rule on the zero-based row index.
     *
     * @param data   the data set
     * @param isTest {@code true} for the rows of the test set
     * @return the split; both parts keep the original row order
     * @throws IllegalArgumentException if the rule puts every row in the same part
     */
    public static Split byPredicate(Dataset data, IntPredicate isTest) {
        Objects.requireNonNull(data, "Split.byPredicate: data must not be null");
        Objects.requireNonNull(isTest, "Split.byPredicate: isTest must not be null");
        return divide("Split.byPredicate", data, isTest);
    }

    private static Split divide(String op, Dataset data, IntPredicate isTest) {
        int n = data.size();
        int[] test = new int[n];
        int[] train = new int[n];
        int testCount = 0;
        int trainCount = 0;
        for (int i = 0; i < n; i++) {
            if (isTest.test(i)) {
                test[testCount++] = i;
            } else {
                train[trainCount++] = i;
            }
        }
        if (testCount == 0 || trainCount == 0) {
            throw new IllegalArgumentException(op + ": both parts must have at least one row, got "
                    + trainCount + " training and " + testCount + " test rows of " + n);
        }
        return new Split(data.subset(Arrays.copyOf(train, trainCount)),
                data.subset(Arrays.copyOf(test, testCount)));
    }
}
