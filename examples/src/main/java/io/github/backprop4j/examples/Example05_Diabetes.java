package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.CsvTable;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Split;
import io.github.backprop4j.data.Standardizer;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.train.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import picocli.CommandLine.Command;

/**
 * Lesson 5: real data. Predict diabetes progression from ten measurements, and compare with
 * ordinary least squares.
 *
 * <h2>What you will see</h2>
 * The data are 442 patients from {@code data/diabetes.csv}: age, sex, body-mass index, blood
 * pressure and six blood serum values, and a measure of disease progression one year later.
 * Real data need three steps the toy lessons skipped:
 * <ol>
 *   <li><b>a held-out test set</b>: rows whose zero-based index i has i % 5 == 4 (88 rows) are
 *       never trained on, and all scores below are on them;</li>
 *   <li><b>standardisation</b>: each feature, and the target, is shifted and scaled to mean 0
 *       and standard deviation 1 using the training rows' statistics only, so that no column
 *       dominates the gradient by its units, and the test rows do not leak into training;</li>
 *   <li><b>a baseline</b>: ordinary least squares, ŷ = [1 X]·β with β solving
 *       min ‖[1 X]·β − y‖², computed exactly by EJML's QR solver. A network that cannot beat
 *       (or match) a straight-line fit has learned nothing worth its cost.</li>
 * </ol>
 * The network is small, {@code Linear(10→16) → ReLU → Linear(16→1)}, and trained with strong
 * weight decay (λ = {@value #WEIGHT_DECAY}: every step also pulls each weight toward 0, as ridge
 * regression does): the data are few and noisy, and without that pull the network learns the
 * noise of the training rows and scores worse on the test rows than the straight line. The summary reports the test R² and RMSE in the target's own
 * units for the network and for least squares (R² 0.4475, RMSE 57.26): this data set is hard,
 * and the network ends close to the linear fit, which is the honest result.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar diabetes</pre>
 */
@Command(name = Example05_Diabetes.NAME,
        description = "Lesson 5: real data; test R² and RMSE beside least squares.")
public final class Example05_Diabetes extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "diabetes";

    /** The input columns, in the network's order. */
    static final String[] FEATURES = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5",
        "s6"};
    static final String TARGET = "progression";

    /**
     * The lesson as {@code predict} uses it: the ten measurements in, the progression out, both
     * in their own units, standardised with the statistics the training uses ({@link Data}).
     */
    public static final Lesson LESSON = Lesson.standardised(NAME, List.of(FEATURES),
            List.of("predicted_" + TARGET), Example05_Diabetes::model, Data::load);

    /** Tuned defaults. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(300, 0.003, 0.9, 16, 42);

    static final int HIDDEN = 16;
    static final double WEIGHT_DECAY = 0.1;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example05_Diabetes() {
        super(LESSON, DEFAULTS, Example05_Diabetes::train);
    }

    /**
     * The network, 10→16→1, which reads standardised features and predicts the standardised
     * target; its weights are drawn from {@code rng}. What {@code train} trains and
     * {@code predict} loads.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(
                new Linear(FEATURES.length, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, 1, rng));
    }

    /**
     * The data as the lesson uses them: {@code diabetes.csv} split by row index, rows whose
     * index i has i % 5 == 4 held out for testing, and the scalers of the features and of the
     * target fitted on the training rows alone. As an encoding, it is what {@code predict}
     * applies: features standardised on the way in, predictions back in the target's units on
     * the way out.
     *
     * @param split         the training and test rows, in original units
     * @param featureScaler the features' standardisation
     * @param targetScaler  the target's standardisation
     */
    record Data(Split split, Standardizer featureScaler, Standardizer targetScaler)
            implements Lesson.Encoding {

        /** Reads the file, splits it and fits both scalers; the same numbers every time. */
        static Data load() {
            CsvTable table = ExampleData.csv("diabetes.csv");
            Dataset all = new Dataset(table.columns(FEATURES), table.columns(TARGET));
            Split split = Split.everyKth(all, 5, 4);
            return new Data(split, Standardizer.fit(split.train().features()),
                    Standardizer.fit(split.train().targets()));
        }

        /** Features in their units, standardised as the network reads them. */
        @Override
        public Matrix encode(Matrix features) {
            return featureScaler.transform(features);
        }

        /** The network's standardised predictions in the target's units, as numbers. */
        @Override
        public List<List<String>> decode(Matrix outputs) {
            return Lesson.numbers(targetScaler.inverseTransform(outputs));
        }
    }

    /**
     * Trains from scratch and saves nothing: {@link #train(Hyperparameters, Checkpoints)}
     * without {@code --load} and {@code --save}.
     *
     * @param h the hyperparameters
     * @return the result; metrics {@code test R²}, {@code test RMSE}, {@code least squares test
     *     R²}, {@code least squares test RMSE}, {@code training MSE (standardised)}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h) {
        return train(h, Checkpoints.none(NAME));
    }

    /**
     * Trains the network and the least-squares baseline and scores both on the test rows.
     *
     * @param h the hyperparameters
     * @param checkpoints where to resume from and what to save ({@code --load},
     *                    {@code --save})
     * @return the result; metrics {@code test R²}, {@code test RMSE}, {@code least squares test
     *     R²}, {@code least squares test RMSE}, {@code training MSE (standardised)}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: read, split by row index, standardise with the training rows' statistics.
        Data data = Data.load();
        Split split = data.split();
        Matrix xTrain = data.encode(split.train().features());
        Matrix yTrain = data.targetScaler().transform(split.train().targets());
        Matrix xTest = data.encode(split.test().features());
        Matrix yTest = split.test().targets();                      // original units
        Batches loader = new Batches(new Dataset(xTrain, yTrain), h.batchSize());

        // 2. Model, loss and optimizer (with weight decay: a little pull of every weight to 0).
        Sequential model = model(rng);
        MSELoss lossFunction = new MSELoss();
        Optimization optimization = Optimization.of(h, model.parameters(), WEIGHT_DECAY);

        // 3. The training loop, on standardised data.
        // --load: go on from a checkpoint; --trace, --diagnose: look inside (Inspection)
        checkpoints.resume(model, lossFunction, optimization, loader, rng);
        TrainingMonitor monitor = new TrainingMonitor(NAME, h, loader.batchesPerEpoch());
        for (int epoch = 1; epoch <= h.epochs(); epoch++) {
            for (Batch batch : loader.epoch(rng)) {
                optimization.zeroGrad();
                Matrix prediction = model.forward(batch.features());
                double loss = lossFunction.forward(prediction, batch.targets());
                monitor.batchLoss(epoch, batch, loss);
                model.backward(lossFunction.backward());    // grads of W, b; none for x
                optimization.step();
            }
            optimization.endEpoch();                  // --schedule: the next epoch's rate
            monitor.endEpoch(epoch);
        }

        // 4. Scores on the test rows, in original units: undo the target's standardisation.
        double trainingMse = lossFunction.forward(model.forward(xTrain), yTrain);
        Matrix predicted = data.targetScaler().inverseTransform(model.predict(xTest));
        Matrix baseline = withOnes(xTest).mult(leastSquares(withOnes(xTrain),
                split.train().targets()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test R²", Metrics.rSquared(predicted, yTest));
        metrics.put("test RMSE", Metrics.rmse(predicted, yTest));
        metrics.put("least squares test R²", Metrics.rSquared(baseline, yTest));
        metrics.put("least squares test RMSE", Metrics.rmse(baseline, yTest));
        metrics.put("training MSE (standardised)", trainingMse);
        return new TrainingResult(NAME, trainingMse, metrics, monitor.history(), List.of(),
                model);
    }

    /**
     * Ordinary least squares: the β that minimises ‖A·β − y‖², by EJML's QR-based solver.
     *
     * @param a (m×n) design matrix, m ≥ n, full column rank
     * @param y (m×1) targets
     * @return β, (n×1)
     * @throws IllegalArgumentException if the solver rejects A (rank-deficient or too few rows)
     */
    public static Matrix leastSquares(Matrix a, Matrix y) {
        LinearSolverDense<DMatrixRMaj> solver =
                LinearSolverFactory_DDRM.leastSquares(a.rows(), a.cols());
        if (!solver.setA(a.toEjml())) {
            throw new IllegalArgumentException("Example05_Diabetes.leastSquares: a must have full"
                    + " column rank, got a singular " + a.rows() + "x" + a.cols() + " matrix");
        }
        DMatrixRMaj beta = new DMatrixRMaj(a.cols(), y.cols());
        solver.solve(y.toEjml(), beta);
        return Matrix.fromEjml(beta);
    }

    /** [1 X]: X with a column of ones in front, for the intercept. Allocates. */
    static Matrix withOnes(Matrix x) {
        Matrix out = Matrix.filled(x.rows(), x.cols() + 1, 1);
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                out.set(i, j + 1, x.get(i, j));
            }
        }
        return out;
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar diabetes}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
