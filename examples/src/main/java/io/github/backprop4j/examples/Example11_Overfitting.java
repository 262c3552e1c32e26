package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Split;
import io.github.backprop4j.data.StandardizedSplit;
import io.github.backprop4j.data.Standardizer;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.train.EarlyStopping;
import io.github.backprop4j.train.EpochResult;
import io.github.backprop4j.train.Metrics;
import io.github.backprop4j.train.StopReason;
import io.github.backprop4j.train.Trainer;
import io.github.backprop4j.train.TrainerBuilder;
import io.github.backprop4j.train.TrainingHistory;
import io.github.backprop4j.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * Lesson 11: overfitting, seen and stopped. A network too large for lesson 5's diabetes data
 * learns the noise of its training rows; a validation set shows when, and early stopping keeps
 * the weights from before it.
 *
 * <h2>What you will see</h2>
 * The 442 patients of {@code data/diabetes.csv} are split three ways: the test rows of lesson 5
 * (index i with i % 5 == 4, 88 rows), never looked at until the end; of the other 354, every
 * fourth (88 rows) is a <b>validation set</b>, and the remaining 266 are the rows the network
 * learns from. Features and target are standardised with the statistics of those 266 rows alone.
 *
 * <p>The network, {@code 10→64→64→1} with ReLU and no weight decay, has 4,929 weights for 266
 * rows: enough to memorise them. The training loss falls epoch after epoch; the validation loss
 * falls with it for about ten epochs, then turns and climbs while the training loss keeps
 * falling. That turn is overfitting, and the plot ({@code target/plots/overfit.png})
 * shows the two curves part. Nothing about the training loss alone warns of it.
 *
 * <p>The loop is the library's {@link Trainer} rather than the explicit loop of the earlier
 * lessons: it measures the validation loss after every epoch and, with
 * {@code EarlyStopping.min("val_loss").patience(50)}, stops once 50 epochs in a row have not
 * beaten the best validation loss, then puts back the weights of the best epoch. With the
 * defaults it stops after epoch 60 and keeps epoch 10, whose weights score a test R² of 0.4600
 * and an RMSE of 56.61, in the target's own units: as good as lesson 5's smaller network with
 * weight decay (0.4610) and better than least squares (0.4475), whereas the weights of epoch 60
 * have learned the noise.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar overfit</pre>
 */
@Command(name = Example11_Overfitting.NAME,
        description = "Lesson 11: overfitting seen on a validation set; early stopping.")
public final class Example11_Overfitting extends ExampleCommand {

    private static final Logger LOG = LoggerFactory.getLogger(Example11_Overfitting.class);

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "overfit";

    /** The lesson as {@code predict} uses it: lesson 5's columns, this lesson's scalers. */
    public static final Lesson LESSON = Lesson.standardised(NAME,
            List.of(Example05_Diabetes.FEATURES),
            List.of("predicted_" + Example05_Diabetes.TARGET), Example11_Overfitting::model,
            Data::load);

    /** Tuned defaults: at most 1,000 epochs; early stopping ends the run long before. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(1000, 0.01, 0.9, 16, 42);

    /** Epochs without a better validation loss before training stops. */
    static final int PATIENCE = 50;

    static final int HIDDEN = 64;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example11_Overfitting() {
        super(LESSON, DEFAULTS, Example11_Overfitting::train);
    }

    /**
     * The network, 10→64→64→1, on standardised features and target; weights from {@code rng}.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(
                new Linear(Example05_Diabetes.FEATURES.length, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, 1, rng));
    }

    /**
     * The three parts of the data: the test rows in original units, and the rows the network
     * learns from and the validation rows, both standardised (features and target) with the
     * statistics of the learning rows alone. As an encoding, it is what {@code predict} applies.
     *
     * @param test  the held-out test rows (i % 5 == 4), in original units
     * @param split the learning rows ({@code train()}) and the validation rows
     *              ({@code test()}), standardised, with their two standardisers
     */
    record Data(Dataset test, StandardizedSplit split) implements Lesson.Encoding {

        /** Reads the file, splits it three ways and standardises with the learning rows. */
        static Data load() {
            Dataset all = ExampleData.csv("diabetes.csv").dataset(Example05_Diabetes.TARGET);
            Split testSplit = Split.everyKth(all, 5, 4);                 // lesson 5's test rows
            return new Data(testSplit.test(),
                    Split.everyKth(testSplit.train(), 4, 3).standardizedWithTargets());
        }

        /** The features' standardisation, fitted on the learning rows. */
        Standardizer featureScaler() {
            return split.featureStandardizer();
        }

        /** The target's standardisation, fitted on the learning rows. */
        Standardizer targetScaler() {
            return split.targetStandardizer();
        }

        @Override
        public Matrix encode(Matrix features) {
            return featureScaler().transform(features);
        }

        @Override
        public List<List<String>> decode(Matrix outputs) {
            return Lesson.numbers(targetScaler().inverseTransform(outputs));
        }
    }

    /**
     * Trains from scratch and saves nothing, with early stopping after {@value #PATIENCE}
     * epochs without improvement.
     *
     * @param h the hyperparameters
     * @return the result; metrics {@code test R²}, {@code test RMSE},
     *     {@code validation MSE (standardised)} and {@code training MSE (standardised)}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h) {
        return train(h, Checkpoints.none(NAME));
    }

    /**
     * Trains: the data in three parts, the network, and the library's training loop with a
     * validation set and early stopping after {@value #PATIENCE} epochs without improvement.
     * With {@code --save}, the checkpoint holds the kept (best) weights beside the optimizer's
     * state after the last epoch run.
     *
     * @param h           the hyperparameters
     * @param checkpoints where to resume from and what to save
     * @return the result, as {@link #train(Hyperparameters)}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: test rows aside, a validation set, both scaled with the learning rows' scalers.
        Data data = Data.load();
        Dataset fit = data.split().train();
        Dataset validation = data.split().test();

        // 2. Model, loss and optimizer (the command line's --optimizer, --schedule, --clip).
        Sequential model = model(rng);
        MSELoss lossFunction = new MSELoss();
        Optimization optimization = Optimization.of(h, model.parameters());
        // --load, and --trace or --diagnose if given
        checkpoints.resume(model, lossFunction, optimization, new Batches(fit, h.batchSize()),
                rng);

        // 3. The loop: the library's Trainer, watching the validation loss.
        TrainerBuilder trainer = Trainer.builder(model, lossFunction, optimization.optimizer())
                .epochs(Math.max(1, h.epochs())).batchSize(h.batchSize()).shuffle(rng)
                .metric("rmse", Metrics::rmse)
                .earlyStopping(EarlyStopping.min(EpochResult.VALIDATION_LOSS).patience(PATIENCE))
                .listener(new ProgressLog(h.epochs()))
                .listener(optimization.listener());               // --diagnose's watching
        if (optimization.schedule() != null) {
            trainer.scheduler(optimization.schedule());
        }
        if (h.clip() > 0) {
            trainer.clipGradNorm(h.clip());
        }
        double[] trainingCurve = new double[0];
        double[] validationCurve = new double[0];
        if (h.epochs() > 0) {                                 // --epochs 0 --load: evaluate only
            TrainingHistory history;
            try {
                history = trainer.build().fit(fit, validation);
            } catch (io.github.backprop4j.train.TrainingDivergedException e) {
                throw new TrainingDivergedException(NAME, e.epoch(), e.step(), e.batch(),
                        e.batches(), e.loss(), e.learningRate());
            }
            trainingCurve = history.values(EpochResult.LOSS);
            validationCurve = history.values(EpochResult.VALIDATION_LOSS);
            String how = history.stopReason() == StopReason.EARLY_STOPPED ? "stopped early"
                    : "ran every epoch";
            LOG.info("{}: {} after epoch {}; the weights of epoch {} (validation loss {}) are"
                    + " kept", NAME, how, history.epochs().size(), history.bestEpoch(),
                    format(history.best().validationLoss()));
        }

        // 4. Scores of the kept weights on the test rows, in the target's own units.
        Matrix predicted = data.targetScaler().inverseTransform(
                model.predict(data.encode(data.test().features())));
        Matrix truth = data.test().targets();
        double trainingMse = lossFunction.forward(model.predict(fit.features()), fit.targets());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test R²", Metrics.rSquared(predicted, truth));
        metrics.put("test RMSE", Metrics.rmse(predicted, truth));
        metrics.put("validation MSE (standardised)",
                lossFunction.forward(model.predict(validation.features()), validation.targets()));
        metrics.put("training MSE (standardised)", trainingMse);
        return new TrainingResult(NAME, trainingMse, metrics, trainingCurve, List.of(), model,
                List.of(), validationCurve);
    }

    /** Logs the training and validation loss every ten epochs (or ten times in a short run). */
    private static final class ProgressLog implements TrainingListener {
        private final int every;

        ProgressLog(int epochs) {
            this.every = Math.max(1, Math.min(10, epochs / 10));
        }

        @Override
        public void onTrainingStart(Layer model, Optimizer optimizer, int epochs) {
            LOG.info("{}: training on {}, validation loss watched, patience {}", NAME,
                    optimizer.getClass().getSimpleName(), PATIENCE);
        }

        @Override
        public void onEpochEnd(EpochResult e) {
            if (e.epoch() == 1 || e.epoch() % every == 0) {
                LOG.info("{} epoch {}  loss {}  validation loss {}", NAME,
                        String.format(Locale.ROOT, "%5d", e.epoch()),
                        String.format(Locale.ROOT, "%.6f", e.loss()),
                        String.format(Locale.ROOT, "%.6f", e.validationLoss()));
            }
        }
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar overfit}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
