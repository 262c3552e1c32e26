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
 *       targets;</li>
 *   <li>{@link io.github.backprop4j.data.Split} divides it into training and test rows, at
 *       random or by a rule;</li>
 *   <li>{@link io.github.backprop4j.data.Standardizer} is fitted on the training part and
 *       applied to every part (and inverted to report results in original units);</li>
 *   <li>{@link io.github.backprop4j.data.Batches} cuts a data set into
 *       {@link io.github.backprop4j.data.Batch}es, one epoch at a time, through a
 *       {@link io.github.backprop4j.data.BatchIterator}.</li>
 * </ol>
 *
 * <h2>Typical use</h2>
 * <pre>{@code
 * CsvTable table = CsvTable.read(Path.of("diabetes.csv"));
 * Dataset all = new Dataset(table.columns("age", "bmi", "bp"), table.columns("progression"));
 * Split split = Split.everyKth(all, 5, 4);
 * Standardizer xs = Standardizer.fit(split.train().features());
 * Standardizer ys = Standardizer.fit(split.train().targets());
 * Dataset train = new Dataset(xs.transform(split.train().features()),
 *                             ys.transform(split.train().targets()));
 * Batches loader = new Batches(train, 32);
 * RandomGenerator rng = new SplittableRandom(42);
 * for (Batch b : loader.epoch(rng)) {
 *     // b.features() is (32×3), b.targets() (32×1); both are overwritten by the next batch
 * }
 * }</pre>
 *
 * <h2>Conventions</h2>
 * One sample per row. Data sets are immutable and copy what they are given. Batches are
 * written into buffers the loader owns, so iterating allocates nothing per batch. Randomness
 * comes only from a {@link java.util.random.RandomGenerator} the caller passes in.
 */
package io.github.backprop4j.data;
