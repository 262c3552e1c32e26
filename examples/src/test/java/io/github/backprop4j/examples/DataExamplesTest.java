package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.CsvTable;
import org.junit.jupiter.api.Test;

/** The two examples on real data: diabetes against least squares, and iris. */
class DataExamplesTest {

    /** scikit-learn's ordinary least squares on this split: test R² 0.4475, RMSE 57.26. */
    private static final double REFERENCE_OLS_R2 = 0.4475;
    private static final double REFERENCE_OLS_RMSE = 57.26;
    /** Half a unit in the last digit printed by the reference. */
    private static final double R2_DIGITS = 0.5e-4;
    private static final double RMSE_DIGITS = 0.5e-2;
    /** The diabetes network's target test R². */
    private static final double DIABETES_TARGET_R2 = 0.44;
    /** The iris classifier's target test accuracy. */
    private static final double IRIS_TARGET_ACCURACY = 0.93;
    private static final double EXACT = 1e-10;

    @Test
    void diabetes_defaults_leastSquaresMatchesReference() {
        TrainingResult r = Example05_Diabetes.train(Example05_Diabetes.DEFAULTS);

        assertEquals(REFERENCE_OLS_R2, r.metric("least squares test R²"), R2_DIGITS);
        assertEquals(REFERENCE_OLS_RMSE, r.metric("least squares test RMSE"), RMSE_DIGITS);
    }

    @Test
    void diabetes_defaults_networkReachesTargetR2() {
        TrainingResult r = Example05_Diabetes.train(Example05_Diabetes.DEFAULTS);

        assertTrue(r.metric("test R²") >= DIABETES_TARGET_R2, "test R² " + r.metric("test R²"));
        // R² and RMSE describe the same residuals: RMSE² = (1 − R²)·Var(y_test)
        double rmse = r.metric("test RMSE");
        assertEquals(rmse * rmse, (1 - r.metric("test R²")) * testTargetVariance(), 1e-6);
    }

    /** The population variance of the diabetes targets in rows i with i % 5 == 4. */
    private static double testTargetVariance() {
        Matrix y = ExampleData.csv("diabetes.csv").columns("progression");
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 4; i < y.rows(); i += 5) {
            sum += y.get(i, 0);
            squares += y.get(i, 0) * y.get(i, 0);
            n++;
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    @Test
    void diabetes_sameSeedTwice_bitIdentical() {
        Reproducible.assertSameNumbersTwice(Example05_Diabetes::train,
                Example05_Diabetes.DEFAULTS.withEpochs(10));
    }

    @Test
    void leastSquares_exactLinearData_recoversCoefficients() {
        // y = 1 + 2·a − 3·b on four points, with the intercept column in front
        Matrix a = Matrix.of(new double[][] {{1, 0, 0}, {1, 1, 0}, {1, 0, 1}, {1, 2, 3}});
        Matrix y = Matrix.columnVector(1, 3, -2, -4);

        Matrix beta = Example05_Diabetes.leastSquares(a, y);

        assertTrue(beta.approxEquals(Matrix.columnVector(1, 2, -3), EXACT), beta.toString());
    }

    @Test
    void withOnes_prependsInterceptColumn() {
        Matrix x = Matrix.of(new double[][] {{5, 6}, {7, 8}});

        Matrix out = Example05_Diabetes.withOnes(x);

        assertTrue(out.approxEquals(Matrix.of(new double[][] {{1, 5, 6}, {1, 7, 8}}), 0));
    }

    @Test
    void iris_defaults_reachesTargetAccuracy() {
        TrainingResult r = Example06_IrisClassifier.train(Example06_IrisClassifier.DEFAULTS);

        assertTrue(r.metric("test accuracy") >= IRIS_TARGET_ACCURACY,
                "test accuracy " + r.metric("test accuracy"));
        assertTrue(r.metric("training accuracy") >= IRIS_TARGET_ACCURACY,
                "training accuracy " + r.metric("training accuracy"));
    }

    @Test
    void iris_sameSeedTwice_bitIdentical() {
        Reproducible.assertSameNumbersTwice(Example06_IrisClassifier::train,
                Example06_IrisClassifier.DEFAULTS.withEpochs(10));
    }

    @Test
    void csv_shippedFiles_haveTheDocumentedSize() {
        CsvTable diabetes = ExampleData.csv("diabetes.csv");
        CsvTable iris = ExampleData.csv("iris.csv");

        assertEquals(442, diabetes.rowCount());
        assertEquals(11, diabetes.columnNames().size());
        assertEquals(150, iris.rowCount());
    }

    @Test
    void csv_unknownName_throwsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExampleData.csv("wine.csv"));

        assertTrue(e.getMessage().contains("got \"wine.csv\""), e.getMessage());
    }
}
