/**
 * Data for training: data sets, mini-batches, train/test splits, standardisation and a CSV
 * reader.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.data.CsvTable} reads a numeric table with a header, and
 *       {@link io.github.backprop4j.data.OneHot} turns a label column into one-hot targets;
 *       malformed files raise {@link io.github.backprop4j.data.CsvFormatException};</li>
 *   <li>{@link io.github.backprop4j.data.Dataset} pairs row-aligned features and
 *       targets; {@link io.github.backprop4j.data.CsvTable#dataset(String...)} makes one from a
 *       table by naming the target columns, and
 *       {@link io.github.backprop4j.data.CsvTable#classification(String)} one with one-hot
 *       targets, as a {@link io.github.backprop4j.data.ClassDataset} that keeps the encoder;</li>
 *   <li>{@link io.github.backprop4j.data.Split} divides it into training and test rows, at
 *       random, by a rule, or stratified by class;</li>
 *   <li>{@link io.github.backprop4j.data.Standardizer} is fitted on the training part and
 *       applied to every part (and inverted to report results in original units);
 *       {@link io.github.backprop4j.data.Split#standardized()} does both in one call and returns
 *       a {@link io.github.backprop4j.data.StandardizedSplit} that keeps the standardisers;</li>
 *   <li>{@link io.github.backprop4j.data.Batches} cuts a data set into
 *       {@link io.github.backprop4j.data.Batch}es, one epoch at a time, through a
 *       {@link io.github.backprop4j.data.BatchIterator}.</li>
 * </ol>
 *
 * <h2>Typical use</h2>
 * <pre>{@code
 * CsvTable table = CsvTable.read(Path.of("diabetes.csv"));
 * Dataset all = table.dataset("progression");             // every other column is a feature
 * StandardizedSplit split = Split.everyKth(all, 5, 4).standardizedWithTargets();
 * Batches loader = new Batches(split.train(), 32);
 * RandomGenerator rng = new SplittableRandom(42);
 * for (Batch b : loader.epoch(rng)) {
 *     // b.features() is (32×10), b.targets() (32×1); both are overwritten by the next batch
 * }
 * }</pre>
 * Step by step, the same is
 * <pre>{@code
 * Dataset all = new Dataset(table.columns("age", "sex", "bmi", ...), table.columns("progression"));
 * Split split = Split.everyKth(all, 5, 4);
 * Standardizer xs = Standardizer.fit(split.train().features());
 * Standardizer ys = Standardizer.fit(split.train().targets());
 * Dataset train = new Dataset(xs.transform(split.train().features()),
 *                             ys.transform(split.train().targets()));
 * }</pre>
 * and a classifier's data, one-hot and stratified:
 * <pre>{@code
 * ClassDataset iris = CsvTable.read(Path.of("iris.csv")).classification("species");
 * StandardizedSplit split = Split.stratified(iris.dataset(), 0.2, rng).standardized();
 * List<String> predicted = iris.oneHot().decode(model.predict(split.test().features()));
 * }</pre>
 *
 * <h2>Conventions</h2>
 * One sample per row. Data sets are immutable and copy what they are given. Batches are
 * written into buffers the loader owns, so iterating allocates nothing per batch. Randomness
 * comes only from a {@link java.util.random.RandomGenerator} the caller passes in.
 */
package io.github.backprop4j.data;
