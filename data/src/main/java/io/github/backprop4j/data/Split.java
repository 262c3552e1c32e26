package io.github.backprop4j.data;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;
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
 *   <li>{@link #byPredicate}: any rule on the zero-based row index;</li>
 *   <li>{@link #stratified}: a seeded random test set that keeps each class's share, for
 *       one-hot targets.</li>
 * </ul>
 * Then {@link #standardized()} (or {@link #standardizedWithTargets()}) fits a
 * {@link Standardizer} on the training part and applies it to both parts in one call:
 * <pre>{@code
 * StandardizedSplit s = Split.stratified(iris.dataset(), 0.2, rng).standardized();
 * Batches loader = new Batches(s.train(), 16);
 * }</pre>
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

    /**
     * A random split that keeps each class's share in both parts, for one-hot targets (a 1 in the
     * column of the row's class, 0 elsewhere, as {@link OneHot} and
     * {@link CsvTable#classification(String)} make them).
     *
     * <p><b>How many.</b> A class with n_c rows gives {@code Math.round(testFraction·n_c)} of
     * them to the test set (rounding halves up: 0.2 of 12 rows is 2.4, so 2; 0.25 of 10 is 2.5,
     * so 3), the rest to the training set. The test set's size is the sum over the classes, which
     * can differ from {@code round(testFraction·n)} by up to half the number of classes. A class
     * with no rows is allowed; a class with rows must end up with at least one in each part.
     *
     * <p><b>Which.</b> One Fisher–Yates permutation of all n rows is drawn from {@code rng}, as
     * {@link #random} draws it; walking along it, each class's first test-count rows go to the
     * test set. The same generator state gives the same split.
     *
     * @param data         a data set with one-hot targets
     * @param testFraction the share of each class's rows for testing, in (0, 1)
     * @param rng          the source of randomness
     * @return the split; both parts keep the original row order
     * @throws IllegalArgumentException if the fraction is outside (0, 1), a target row is not
     *         one-hot, or a class would have no rows in one part
     */
    public static Split stratified(Dataset data, double testFraction, RandomGenerator rng) {
        Objects.requireNonNull(data, "Split.stratified: data must not be null");
        Objects.requireNonNull(rng, "Split.stratified: rng must not be null");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("Split.stratified: testFraction must be in (0, 1),"
                    + " got " + testFraction);
        }
        int n = data.size();
        int[] classOf = classes(data.targetsView());
        int[] rows = new int[data.targetCount()];
        for (int c : classOf) {
            rows[c]++;
        }
        long[] testRows = new long[rows.length];
        for (int c = 0; c < rows.length; c++) {
            testRows[c] = Math.round(testFraction * rows[c]);
            if (rows[c] > 0 && (testRows[c] == 0 || testRows[c] == rows[c])) {
                throw new IllegalArgumentException("Split.stratified: every class must have rows in"
                        + " both parts, got class " + c + " with " + rows[c] + " rows, of which"
                        + " round(" + testFraction + "·" + rows[c] + ") = " + testRows[c]
                        + " go to the test set");
            }
        }
        int[] order = new int[n];
        Permutations.shuffle(order, rng);
        boolean[] isTest = new boolean[n];
        long[] taken = new long[rows.length];
        for (int i : order) {
            int c = classOf[i];
            if (taken[c] < testRows[c]) {
                taken[c]++;
                isTest[i] = true;
            }
        }
        return divide("Split.stratified", data, i -> isTest[i]);
    }

    /** The class of each one-hot row: the column of its single 1. */
    private static int[] classes(Matrix targets) {
        int[] classOf = new int[targets.rows()];
        for (int i = 0; i < targets.rows(); i++) {
            int hot = -1;
            for (int k = 0; k < targets.cols(); k++) {
                double v = targets.get(i, k);
                if (v != 0 && (v != 1 || hot >= 0)) {
                    throw new IllegalArgumentException("Split.stratified: targets must be one-hot"
                            + " (a single 1, zeros elsewhere), got " + (v == 1 ? "a second 1" : v)
                            + " at (" + i + "," + k + ") of the " + Shapes.shape(targets)
                            + " matrix");
                }
                if (v == 1) {
                    hot = k;
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException("Split.stratified: targets must be one-hot"
                        + " (a single 1, zeros elsewhere), got no 1 in row " + i + " of the "
                        + Shapes.shape(targets) + " matrix");
            }
            classOf[i] = hot;
        }
        return classOf;
    }

    /**
     * This split with its features standardised: a {@link Standardizer} fitted on the training
     * part's features alone (so nothing of the test set leaks into it) transforms the features
     * of both parts. The targets are kept as they are, as one-hot class targets must be.
     *
     * @return the standardised split and its feature standardiser
     */
    public StandardizedSplit standardized() {
        Standardizer xs = Standardizer.fit(train.featuresView());
        return new StandardizedSplit(new Split(
                new Dataset(xs.transform(train.featuresView()), train.targetsView()),
                new Dataset(xs.transform(test.featuresView()), test.targetsView())), xs, null);
    }

    /**
     * This split with its features and its targets standardised, each by a {@link Standardizer}
     * fitted on the training part alone, as a regression usually wants; the target standardiser's
     * {@link Standardizer#inverseTransform(Matrix)} brings predictions back to the original
     * units.
     *
     * @return the standardised split and both standardisers
     */
    public StandardizedSplit standardizedWithTargets() {
        Standardizer xs = Standardizer.fit(train.featuresView());
        Standardizer ys = Standardizer.fit(train.targetsView());
        return new StandardizedSplit(new Split(
                new Dataset(xs.transform(train.featuresView()), ys.transform(train.targetsView())),
                new Dataset(xs.transform(test.featuresView()), ys.transform(test.targetsView()))),
                xs, ys);
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
