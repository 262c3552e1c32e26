package io.github.backprop4j.data;

import java.util.Objects;

/**
 * A classification data set with its one-hot encoder: the targets are one-hot rows, column k
 * meaning class k of {@link OneHot#classes()}.
 *
 * <p>Made by {@link CsvTable#classification(String)}. The encoder reads a classifier's output
 * back as labels ({@link OneHot#decode}) and encodes the labels of another file, such as a test
 * set, with the same class order ({@link OneHot#encode(CsvTable)}).
 * <pre>{@code
 * ClassDataset iris = CsvTable.read(Path.of("iris.csv")).classification("species");
 * Split split = Split.stratified(iris.dataset(), 0.2, new SplittableRandom(42));
 * ...
 * List<String> predicted = iris.oneHot().decode(model.predict(x));   // "setosa", ...
 * }</pre>
 *
 * @param dataset the features and the one-hot targets
 * @param oneHot  the encoder whose classes are the target columns
 */
public record ClassDataset(Dataset dataset, OneHot oneHot) {

    /**
     * Pairs a data set with the encoder of its targets.
     *
     * @param dataset the features and one-hot targets
     * @param oneHot  the encoder, with one class per target column
     * @throws IllegalArgumentException if the number of target columns is not the number of
     *         classes
     */
    public ClassDataset {
        Objects.requireNonNull(dataset, "ClassDataset: dataset must not be null");
        Objects.requireNonNull(oneHot, "ClassDataset: oneHot must not be null");
        if (dataset.targetCount() != oneHot.classCount()) {
            throw new IllegalArgumentException("ClassDataset: dataset must have one target column"
                    + " per class, got " + dataset.targetCount() + " target columns and "
                    + oneHot.classCount() + " classes " + oneHot.classes());
        }
    }

    /** A summary: {@code ClassDataset[150 samples, 4 features, OneHot(species: [...])]}. */
    @Override
    public String toString() {
        return "ClassDataset[" + dataset.size() + " samples, " + dataset.featureCount()
                + " features, " + oneHot + "]";
    }
}
