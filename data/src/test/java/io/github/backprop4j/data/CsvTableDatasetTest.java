package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data sets in one call: {@link CsvTable#dataset}, {@link CsvTable#classification} and kin. */
class CsvTableDatasetTest {

    private static final String TABLE = """
            id,a,b,y
            7,1,2,3
            8,4,5,6
            """;

    private static final String LABELS = """
            x1,species,x2
            1,b,2
            3,a,4
            5,b,6
            """;

    private static CsvTable table() {
        return CsvTable.parse(TABLE, "t.csv");
    }

    private static void assertMatrix(double[][] expected, Matrix actual) {
        assertEquals(expected.length, actual.rows(), "rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual.cols(), "columns");
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual.get(i, j), 0.0, "(" + i + "," + j + ")");
            }
        }
    }

    private static String message(Class<? extends Throwable> type,
                                  org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    // ---------------------------------------------------------------- targets named

    @Test
    void dataset_oneTarget_everyOtherColumnIsAFeatureInHeaderOrder() {
        Dataset d = table().dataset("y");
        assertMatrix(new double[][] {{7, 1, 2}, {8, 4, 5}}, d.features());
        assertMatrix(new double[][] {{3}, {6}}, d.targets());
    }

    @Test
    void dataset_twoTargets_keepTheOrderNamed() {
        Dataset d = table().dataset("b", "a");
        assertMatrix(new double[][] {{7, 3}, {8, 6}}, d.features());
        assertMatrix(new double[][] {{2, 1}, {5, 4}}, d.targets());
    }

    @Test
    void dataset_unknownColumn_namesItAndListsTheColumns() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> table().dataset("a", "z"));
        assertEquals("CsvTable.dataset: column must be one of [id, a, b, y], got \"z\""
                + " (t.csv, line 1)", e.getMessage());
    }

    @Test
    void dataset_noTarget_throwsListingTheColumns() {
        assertEquals("CsvTable.dataset: targetColumns must name at least one column, got none;"
                + " the columns are [id, a, b, y]",
                message(IllegalArgumentException.class, () -> table().dataset()));
    }

    @Test
    void dataset_columnNamedTwice_isRefused() {
        assertEquals("CsvTable.dataset: targetColumns must be distinct, got \"y\" twice",
                message(IllegalArgumentException.class, () -> table().dataset("y", "a", "y")));
    }

    @Test
    void dataset_everyColumnATarget_throwsBecauseNoFeatureIsLeft() {
        assertEquals("CsvTable.dataset: at least one column must be left for the features, got"
                + " every column [id, a, b, y] as a target column",
                message(IllegalArgumentException.class,
                        () -> table().dataset("y", "b", "a", "id")));
    }

    @Test
    void dataset_nonNumericFeature_namesTheCellWithThisMethod() {
        CsvTable t = CsvTable.parse(LABELS, "labels.csv");
        assertEquals("CsvTable.dataset: value must be a number, got \"b\" (labels.csv, line 2,"
                + " column 2 \"species\")",
                message(CsvFormatException.class, () -> t.dataset("x2")));
    }

    @Test
    void dataset_nullArray_throwsNamingTheArgument() {
        assertEquals("CsvTable.dataset: targetColumns must not be null",
                message(NullPointerException.class, () -> table().dataset((String[]) null)));
    }

    // ---------------------------------------------------------------- features named

    @Test
    void datasetFromFeatures_namedFeaturesInOrder_everyOtherColumnIsATarget() {
        Dataset d = table().datasetFromFeatures("b", "a");
        assertMatrix(new double[][] {{2, 1}, {5, 4}}, d.features());
        assertMatrix(new double[][] {{7, 3}, {8, 6}}, d.targets());
    }

    @Test
    void datasetFromFeatures_errors_nameThisMethodAndTheFeatureRole() {
        assertEquals("CsvTable.datasetFromFeatures: column must be one of [id, a, b, y], got"
                + " \"c\" (t.csv, line 1)",
                message(CsvFormatException.class, () -> table().datasetFromFeatures("c")));
        assertEquals("CsvTable.datasetFromFeatures: featureColumns must name at least one"
                + " column, got none; the columns are [id, a, b, y]",
                message(IllegalArgumentException.class, () -> table().datasetFromFeatures()));
        assertEquals("CsvTable.datasetFromFeatures: featureColumns must be distinct, got \"a\""
                + " twice", message(IllegalArgumentException.class,
                        () -> table().datasetFromFeatures("a", "a")));
        assertEquals("CsvTable.datasetFromFeatures: at least one column must be left for the"
                + " targets, got every column [id, a, b, y] as a feature column",
                message(IllegalArgumentException.class,
                        () -> table().datasetFromFeatures("id", "a", "b", "y")));
    }

    // ---------------------------------------------------------------- both named

    @Test
    void dataset_bothListsNamed_leavesTheOtherColumnsOut() {
        Dataset d = table().dataset(List.of("b", "a"), List.of("y"));
        assertMatrix(new double[][] {{2, 1}, {5, 4}}, d.features());
        assertMatrix(new double[][] {{3}, {6}}, d.targets());
    }

    @Test
    void dataset_columnInBothLists_isRefused() {
        assertEquals("CsvTable.dataset: a column must not be both a feature and a target, got"
                + " \"b\" in both", message(IllegalArgumentException.class,
                        () -> table().dataset(List.of("a", "b"), List.of("y", "b"))));
    }

    @Test
    void dataset_listErrors_nameTheList() {
        assertEquals("CsvTable.dataset: featureColumns must name at least one column, got none;"
                + " the columns are [id, a, b, y]", message(IllegalArgumentException.class,
                        () -> table().dataset(List.of(), List.of("y"))));
        assertEquals("CsvTable.dataset: targetColumns must name at least one column, got none;"
                + " the columns are [id, a, b, y]", message(IllegalArgumentException.class,
                        () -> table().dataset(List.of("a"), List.of())));
        assertEquals("CsvTable.dataset: featureColumns must be distinct, got \"a\" twice",
                message(IllegalArgumentException.class,
                        () -> table().dataset(List.of("a", "a"), List.of("y"))));
        assertEquals("CsvTable.dataset: featureColumns must not be null",
                message(NullPointerException.class, () -> table().dataset(null, List.of("y"))));
        assertEquals("CsvTable.dataset: targetColumns must not be null",
                message(NullPointerException.class, () -> table().dataset(List.of("a"), null)));
    }

    // ---------------------------------------------------------------- classification

    @Test
    void classification_classColumn_oneHotTargetsSortedClassesOtherColumnsAsFeatures() {
        ClassDataset c = CsvTable.parse(LABELS, "labels.csv").classification("species");
        assertEquals(List.of("a", "b"), c.oneHot().classes());
        assertEquals("species", c.oneHot().column());
        assertMatrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}, c.dataset().features());
        assertMatrix(new double[][] {{0, 1}, {1, 0}, {0, 1}}, c.dataset().targets());
        assertEquals(List.of("b", "a"), c.oneHot().decode(Matrix.of(
                new double[][] {{0.2, 0.8}, {0.9, 0.1}})));
        assertEquals("ClassDataset[3 samples, 2 features, OneHot(species: [a, b])]",
                c.toString());
    }

    @Test
    void classification_namedFeatures_leavesTheOthersOut() {
        ClassDataset c = CsvTable.parse(LABELS, "labels.csv")
                .classification("species", List.of("x2"));
        assertMatrix(new double[][] {{2}, {4}, {6}}, c.dataset().features());
        assertMatrix(new double[][] {{0, 1}, {1, 0}, {0, 1}}, c.dataset().targets());
    }

    @Test
    void classification_errors_nameTheColumns() {
        CsvTable t = CsvTable.parse(LABELS, "labels.csv");
        assertEquals("CsvTable.classification: column must be one of [x1, species, x2], got"
                + " \"kind\" (labels.csv, line 1)",
                message(CsvFormatException.class, () -> t.classification("kind")));
        assertEquals("CsvTable.classification: a column must not be both a feature and a"
                + " target, got \"species\" in both", message(IllegalArgumentException.class,
                        () -> t.classification("species", List.of("x1", "species"))));
        assertEquals("CsvTable.classification: featureColumns must be distinct, got \"x1\""
                + " twice", message(IllegalArgumentException.class,
                        () -> t.classification("species", List.of("x1", "x1"))));
        assertEquals("CsvTable.classification: featureColumns must not be null",
                message(NullPointerException.class, () -> t.classification("species", null)));
        CsvTable labelsOnly = CsvTable.parse("species\na\nb\n", "s.csv");
        assertEquals("CsvTable.classification: at least one column must be left for the"
                + " features, got every column [species] as a class column",
                message(IllegalArgumentException.class,
                        () -> labelsOnly.classification("species")));
    }

    @Test
    void classDataset_targetWidthNotClassCount_isRefused() {
        Dataset d = new Dataset(Matrix.of(new double[][] {{1}}), Matrix.of(new double[][] {{1}}));
        OneHot twoClasses = OneHot.of("c", List.of("p", "q"));
        assertEquals("ClassDataset: dataset must have one target column per class, got 1 target"
                + " columns and 2 classes [p, q]", message(IllegalArgumentException.class,
                        () -> new ClassDataset(d, twoClasses)));
        assertArrayEquals(new double[] {1}, new ClassDataset(d, OneHot.of("c", List.of("p")))
                .dataset().targets().unwrap().data);
    }
}
