package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.CsvTable;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.OneHot;
import io.github.backprop4j.data.Split;
import io.github.backprop4j.data.Standardizer;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Softmax;
import io.github.backprop4j.train.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;

/**
 * Lesson 6: a classifier. Tell three species of iris apart from four flower measurements.
 *
 * <h2>What you will see</h2>
 * The data are Fisher's 150 irises from {@code data/iris.csv}, 50 of each species. The species
 * becomes a one-hot row ({@code setosa} = (1, 0, 0), ...), and the network ends in a
 * {@link Linear} layer whose three outputs are logits, one score per species. It is trained
 * with {@link CrossEntropyLoss} on those logits: the loss applies the softmax itself, in the
 * stable fused form, and its gradient is simply (probabilities − one-hot)/m. A
 * {@link Softmax} turns the logits into probabilities only where they are reported, in
 * {@code predict}; the predicted species is the most probable one. The test rows are those whose
 * zero-based index i has i % 5 == 4: 30 flowers, and because the file lists the species in
 * blocks of 50, exactly 10 of each. Features are standardised with the training rows'
 * statistics. Setosa is easy to tell apart; versicolor and virginica overlap a little, and
 * the few mistakes are between those two. The summary reports the test accuracy, at least
 * 0.93 (28 of 30; the defaults get 29), and the accuracy on the training rows.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar iris</pre>
 */
@Command(name = Example06_IrisClassifier.NAME,
        description = "Lesson 6: iris species by cross-entropy on logits; accuracy.")
public final class Example06_IrisClassifier extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "iris";

    /** The input columns, in the network's order. */
    static final String[] FEATURES = {"sepal_length", "sepal_width", "petal_length",
        "petal_width"};
    /** The classes, in the order of the network's outputs. */
    public static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    /** The species column as one-hot rows: setosa = (1, 0, 0), versicolor = (0, 1, 0), ... */
    static final OneHot ONE_HOT = OneHot.of("species", SPECIES);

    /**
     * The lesson as {@code predict} uses it: the four measurements in, standardised with the
     * statistics the training uses ({@link Data}); the most probable species and each species'
     * probability out.
     */
    public static final Lesson LESSON = Lesson.standardised(NAME, List.of(FEATURES),
            predictionColumns(), Example06_IrisClassifier::model, Data::load);

    /** Tuned defaults. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(200, 0.1, 0.9, 16, 42);

    static final int HIDDEN = 16;
    static final double WEIGHT_DECAY = 0.01;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example06_IrisClassifier() {
        super(LESSON, DEFAULTS, Example06_IrisClassifier::train);
    }

    /**
     * The network, 4→16→3, which reads standardised features and gives one logit per species;
     * its weights are drawn from {@code rng}. What {@code train} trains and {@code predict} loads.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(
                new Linear(FEATURES.length, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, SPECIES.size(), rng));
    }

    /**
     * The data as the lesson uses them: {@code iris.csv} split by row index, rows whose index i
     * has i % 5 == 4 held out for testing, and the features' scaler fitted on the training rows
     * alone. As an encoding, it is what {@code predict} applies: features standardised on the
     * way in, logits turned into probabilities and read as a species on the way out.
     *
     * @param split  the training and test rows: features in original units, one-hot species
     * @param scaler the features' standardisation
     */
    record Data(Split split, Standardizer scaler) implements Lesson.Encoding {

        /** Reads the file, splits it and fits the scaler; the same numbers every time. */
        static Data load() {
            CsvTable table = ExampleData.csv("iris.csv");
            Dataset all = new Dataset(table.columns(FEATURES), ONE_HOT.encode(table));
            Split split = Split.everyKth(all, 5, 4);
            return new Data(split, Standardizer.fit(split.train().features()));
        }

        /** Measurements in their units, standardised as the network reads them. */
        @Override
        public Matrix encode(Matrix features) {
            return scaler.transform(features);
        }

        /** For each row of logits, the most probable species, then the probability of each. */
        @Override
        public List<List<String>> decode(Matrix logits) {
            Matrix probabilities = new Softmax().forward(logits);
            List<String> species = ONE_HOT.decode(probabilities);
            List<List<String>> rows = Lesson.numbers(probabilities);
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).add(0, species.get(i));
            }
            return rows;
        }
    }

    /** {@code predicted_species}, then {@code p_<species>} for each species. */
    private static List<String> predictionColumns() {
        List<String> columns = new ArrayList<>(List.of("predicted_species"));
        SPECIES.forEach(s -> columns.add("p_" + s));
        return columns;
    }

    /**
     * Trains from scratch and saves nothing: {@link #train(Hyperparameters, Checkpoints)}
     * without {@code --load} and {@code --save}.
     *
     * @param h the hyperparameters
     * @return the result; metrics {@code test accuracy}, {@code training accuracy},
     *     {@code training cross-entropy}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h) {
        return train(h, Checkpoints.none(NAME));
    }

    /**
     * Trains the classifier and scores it on the test rows.
     *
     * @param h the hyperparameters
     * @param checkpoints where to resume from and what to save ({@code --load},
     *                    {@code --save})
     * @return the result; metrics {@code test accuracy}, {@code training accuracy},
     *     {@code training cross-entropy}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: measurements in, one-hot species out; every fifth row is a test row.
        Data data = Data.load();
        Split split = data.split();
        Matrix xTrain = data.encode(split.train().features());
        Matrix yTrain = split.train().targets();
        Matrix xTest = data.encode(split.test().features());
        Matrix yTest = split.test().targets();
        Batches loader = new Batches(new Dataset(xTrain, yTrain), h.batchSize());

        // 2. Model: logits out; the loss applies the softmax, fused with its logarithm.
        Sequential model = model(rng);
        CrossEntropyLoss lossFunction = new CrossEntropyLoss();
        Optimization optimization = Optimization.of(h, model.parameters(), WEIGHT_DECAY);

        // 3. The training loop: the same five lines as every regressor.
        // --load: go on from a checkpoint; --trace, --diagnose: look inside (Inspection)
        checkpoints.resume(model, lossFunction, optimization, loader, rng);
        TrainingMonitor monitor = new TrainingMonitor(NAME, h, loader.batchesPerEpoch());
        for (int epoch = 1; epoch <= h.epochs(); epoch++) {
            for (Batch batch : loader.epoch(rng)) {
                optimization.zeroGrad();
                Matrix logits = model.forward(batch.features());
                double loss = lossFunction.forward(logits, batch.targets());
                monitor.batchLoss(epoch, batch, loss);
                model.backward(lossFunction.backward());    // grads of W, b; none for x
                optimization.step();
            }
            optimization.endEpoch();                  // --schedule: the next epoch's rate
            monitor.endEpoch(epoch);
        }

        // 4. Accuracy: the species with the largest logit (the most probable) against the true one.
        Matrix trainLogits = model.predict(xTrain);
        double trainingLoss = lossFunction.forward(trainLogits, yTrain);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test accuracy", Metrics.accuracy(model.predict(xTest), yTest));
        metrics.put("training accuracy", Metrics.accuracy(trainLogits, yTrain));
        metrics.put("training cross-entropy", trainingLoss);
        return new TrainingResult(NAME, trainingLoss, metrics, monitor.history(), List.of(),
                model);
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar iris}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
