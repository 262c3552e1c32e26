package io.github.backprop4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Tanh;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.SGD;
import io.github.backprop4j.optim.StepLR;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final double EXACT = 0;
    private static final double LR = 0.1;
    /** 40 rows in batches of 8: five steps per epoch. */
    private static final int ROWS = 40;
    private static final int BATCH = 8;
    private static final int STEPS_PER_EPOCH = 5;

    /** y = x₁ − 2x₂ + 0.5 + noise, x uniform in [−1, 1]², from a seed. */
    private static Dataset data(long seed, int rows) {
        RandomGenerator rng = new SplittableRandom(seed);
        Matrix x = Matrix.uniform(rows, 2, -1, 1, rng);
        Matrix y = Matrix.zeros(rows, 1);
        for (int i = 0; i < rows; i++) {
            y.set(i, 0, x.get(i, 0) - 2 * x.get(i, 1) + 0.5 + 0.1 * rng.nextGaussian());
        }
        return new Dataset(x, y);
    }

    private static Sequential model() {
        RandomGenerator rng = new SplittableRandom(1);
        return new Sequential(new Linear(2, 4, rng), new Tanh(), new Linear(4, 1, rng));
    }

    private static SGD sgd(Layer model) {
        return SGD.builder(model.parameters()).learningRate(LR).momentum(0.9).build();
    }

    private static TrainerBuilder builder(Sequential model, Optimizer optimizer) {
        return Trainer.builder(model, new MSELoss(), optimizer).epochs(3).batchSize(BATCH)
                .progressBar(false);
    }

    private static double[][] values(Layer model) {
        List<Parameter> params = model.parameters();
        double[][] out = new double[params.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = params.get(i).value().toRowMajorArray();
        }
        return out;
    }

    private static void assertSameValues(double[][] expected, Layer model) {
        double[][] actual = values(model);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], EXACT, "parameter " + i);
        }
    }

    /** Mean squared error by hand, over every entry. */
    private static double meanSquare(Matrix p, Matrix t) {
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            for (int j = 0; j < p.cols(); j++) {
                double d = p.get(i, j) - t.get(i, j);
                sum += d * d;
            }
        }
        return sum / p.size();
    }

    /** Records each epoch's weights, so that tests can compare the model with any of them. */
    private static final class WeightRecorder implements TrainingListener {
        final List<double[][]> weights = new ArrayList<>();
        private Layer model;

        @Override
        public void onTrainingStart(Layer m, Optimizer optimizer, int epochs) {
            this.model = m;
        }

        @Override
        public void onEpochEnd(EpochResult epoch) {
            weights.add(values(model));
        }
    }

    /** A metric whose value on epoch e is script[e − 1], whatever the model predicts. */
    private static Metric scripted(double... script) {
        int[] calls = {0};
        return (p, t) -> script[calls[0]++];
    }

    @Test
    void fit_isTheHandWrittenLoop_bitForBit() {
        Dataset train = data(3, ROWS);
        Sequential byHand = model();
        SGD handSgd = sgd(byHand);
        MSELoss loss = new MSELoss();
        Batches loader = new Batches(train, BATCH);
        RandomGenerator rng = new SplittableRandom(7);
        double[] epochLoss = new double[3];
        for (int epoch = 0; epoch < 3; epoch++) {
            double sum = 0;
            int rows = 0;
            for (Batch b : loader.epoch(rng)) {
                handSgd.zeroGrad();
                double l = loss.forward(byHand.forward(b.features()), b.targets());
                byHand.backward(loss.backward());
                handSgd.step();
                sum += l * b.size();
                rows += b.size();
            }
            epochLoss[epoch] = sum / rows;
        }

        Sequential model = model();
        TrainingHistory h = builder(model, sgd(model)).shuffle(new SplittableRandom(7)).build()
                .fit(train);

        assertSameValues(values(byHand), model);
        assertArrayEquals(epochLoss, h.values("loss"), EXACT);
        assertEquals(3, h.epochs().size());
        assertEquals(StopReason.COMPLETED, h.stopReason());
        assertEquals(15, h.last().steps());
        assertEquals(10, h.epochs().get(1).steps());
        assertEquals(2, h.epochs().get(1).epoch());
    }

    @Test
    void fit_twoRunsFromTheSameSeed_areBitIdentical(@TempDir Path dir) throws IOException {
        Dataset train = data(3, ROWS);
        Dataset valid = data(4, 10);
        TrainingHistory[] runs = new TrainingHistory[2];
        double[][][] weights = new double[2][][];
        for (int r = 0; r < 2; r++) {
            Sequential model = model();
            runs[r] = builder(model, sgd(model)).shuffle(new SplittableRandom(11))
                    .metric("rmse", Metrics::rmse).clipGradNorm(0.5)
                    .csvLog(dir.resolve("log" + r + ".csv")).build().fit(train, valid);
            weights[r] = values(model);
        }
        assertEquals(runs[0], runs[1]);
        for (int i = 0; i < weights[0].length; i++) {
            assertArrayEquals(weights[0][i], weights[1][i], EXACT);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("log0.csv")),
                Files.readAllBytes(dir.resolve("log1.csv")));
    }

    @Test
    void fit_withoutShuffle_visitsTheRowsInOrder() {
        Dataset train = data(3, ROWS);
        Sequential byHand = model();
        SGD handSgd = sgd(byHand);
        MSELoss loss = new MSELoss();
        for (Batch b : new Batches(train, BATCH).epoch()) {
            handSgd.zeroGrad();
            loss.forward(byHand.forward(b.features()), b.targets());
            byHand.backward(loss.backward());
            handSgd.step();
        }
        Sequential model = model();
        builder(model, sgd(model)).epochs(1).build().fit(train);
        assertSameValues(values(byHand), model);
    }

    @Test
    void fit_validationAndMetrics_measuredAfterEachEpoch_inKerasOrder() {
        Dataset train = data(3, ROWS);
        Dataset valid = data(4, 10);
        Sequential model = model();
        TrainingHistory h = builder(model, sgd(model)).epochs(1).metric("rmse", Metrics::rmse)
                .metric("mae", Metrics::mae).build().fit(train, valid);

        EpochResult e = h.last();
        assertEquals(List.of("loss", "rmse", "mae", "val_loss", "val_rmse", "val_mae"),
                List.copyOf(e.values().keySet()));
        Matrix trainPredicted = model.predict(train.features());
        Matrix validPredicted = model.predict(valid.features());
        assertEquals(meanSquare(validPredicted, valid.targets()), e.validationLoss(), 1e-15);
        assertEquals(e.validationLoss(), e.value("val_loss"), EXACT);
        assertEquals(Math.sqrt(meanSquare(trainPredicted, train.targets())), e.value("rmse"),
                1e-15);
        assertEquals(Math.sqrt(meanSquare(validPredicted, valid.targets())), e.value("val_rmse"),
                1e-15);
        assertEquals("val_loss", h.monitor());
        assertEquals(LR, e.learningRate(), EXACT);
    }

    @Test
    void fit_withoutValidation_bestEpochIsTheLowestTrainingLoss() {
        Sequential model = model();
        TrainingHistory h = builder(model, sgd(model)).epochs(6).build().fit(data(3, ROWS));
        double[] loss = h.values("loss");
        int best = 0;
        for (int i = 1; i < loss.length; i++) {
            if (loss[i] < loss[best]) {
                best = i;
            }
        }
        assertEquals("loss", h.monitor());
        assertEquals(best + 1, h.bestEpoch());
        assertEquals(loss[best], h.best().loss(), EXACT);
        assertFalse(h.restoredBest());
        assertTrue(Double.isNaN(h.last().validationLoss()));
    }

    @Test
    void earlyStopping_minPatienceTwo_stopsAndRestoresTheBestWeights() {
        Sequential model = model();
        WeightRecorder recorder = new WeightRecorder();
        // best 5, then 4 at epoch 2; epochs 3 and 4 do not improve: stop after epoch 4
        TrainingHistory h = builder(model, sgd(model)).epochs(10)
                .metric("score", scripted(5, 4, 4.5, 4.2, 3, 3, 3, 3, 3, 3))
                .earlyStopping(EarlyStopping.min("score").patience(2)).listener(recorder).build()
                .fit(data(3, ROWS));

        assertEquals(4, h.epochs().size());
        assertEquals(StopReason.EARLY_STOPPED, h.stopReason());
        assertEquals(2, h.bestEpoch());
        assertEquals("score", h.monitor());
        assertTrue(h.restoredBest());
        assertSameValues(recorder.weights.get(1), model);
        assertNotEquals(recorder.weights.get(1)[0][0], recorder.weights.get(3)[0][0]);
    }

    @Test
    void earlyStopping_minDelta_smallImprovementsDoNotCount() {
        Sequential model = model();
        TrainingHistory h = builder(model, sgd(model)).epochs(10)
                .metric("score", scripted(1.0, 0.95, 0.92, 0.5, 0.1, 0, 0, 0, 0, 0))
                .earlyStopping(EarlyStopping.min("score").patience(2).minDelta(0.1)).build()
                .fit(data(3, ROWS));
        assertEquals(3, h.epochs().size());
        assertEquals(1, h.bestEpoch());
    }

    @Test
    void earlyStopping_max_stopsWhenTheScoreStopsRising() {
        Sequential model = model();
        TrainingHistory h = builder(model, sgd(model)).epochs(5)
                .metric("score", scripted(0.1, 0.3, 0.2, 0.9, 0.9))
                .earlyStopping(EarlyStopping.max("score").patience(1)).build()
                .fit(data(3, ROWS));
        assertEquals(3, h.epochs().size());
        assertEquals(2, h.bestEpoch());
        assertEquals(StopReason.EARLY_STOPPED, h.stopReason());
    }

    @Test
    void earlyStopping_patienceRunsOutAtTheLastEpoch_completesAndStillRestores() {
        Sequential model = model();
        WeightRecorder recorder = new WeightRecorder();
        TrainingHistory h = builder(model, sgd(model)).epochs(3).metric("score", scripted(1, 2, 3))
                .earlyStopping(EarlyStopping.min("score").patience(2)).listener(recorder).build()
                .fit(data(3, ROWS));
        assertEquals(StopReason.COMPLETED, h.stopReason());
        assertEquals(3, h.epochs().size());
        assertEquals(1, h.bestEpoch());
        assertSameValues(recorder.weights.get(0), model);
    }

    @Test
    void earlyStopping_withoutRestore_keepsTheLastWeights() {
        Sequential model = model();
        WeightRecorder recorder = new WeightRecorder();
        TrainingHistory h = builder(model, sgd(model)).epochs(5)
                .metric("score", scripted(1, 2, 3, 4, 5))
                .earlyStopping(EarlyStopping.min("score").patience(2).restoreBest(false))
                .listener(recorder).build().fit(data(3, ROWS));
        assertEquals(3, h.epochs().size());
        assertFalse(h.restoredBest());
        assertEquals(1, h.bestEpoch());
        assertSameValues(recorder.weights.get(2), model);
    }

    @Test
    void earlyStopping_unknownMonitor_throwsListingTheValues() {
        Sequential model = model();
        Trainer t = builder(model, sgd(model)).metric("rmse", Metrics::rmse)
                .earlyStopping(EarlyStopping.min("val_rmse")).build();
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(data(3, ROWS)));
        assertEquals("Trainer.fit: the early stopping's monitor must be one of [loss, rmse], got"
                + " \"val_rmse\" (there is no validation set)", e.getMessage());
        Trainer t2 = builder(model, sgd(model)).earlyStopping(EarlyStopping.max("acc")).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> t2.fit(data(3, ROWS), data(4, 10)));
        assertEquals("Trainer.fit: the early stopping's monitor must be one of [loss, val_loss],"
                + " got \"acc\"", e.getMessage());
    }

    /** MSE that returns {@code bad} on its n-th forward call. */
    private static Loss failingAt(int n, double bad) {
        MSELoss mse = new MSELoss();
        int[] calls = {0};
        return new Loss() {
            @Override
            public double forward(Matrix prediction, Matrix target) {
                double l = mse.forward(prediction, target);
                return ++calls[0] == n ? bad : l;
            }

            @Override
            public Matrix backward() {
                return mse.backward();
            }
        };
    }

    @Test
    void fit_nanLoss_throwsNamingEpochAndStep() {
        Sequential model = model();
        WeightRecorder recorder = new WeightRecorder();
        Trainer t = Trainer.builder(model, failingAt(7, Double.NaN), sgd(model)).epochs(3)
                .batchSize(BATCH).progressBar(false).listener(recorder).build();
        var e = assertThrows(TrainingDivergedException.class, () -> t.fit(data(3, ROWS)));
        assertEquals("Trainer.fit: the loss must stay finite, got NaN in epoch 2, step 7"
                + " (batch 2 of 5), at learning rate 0.1; try a smaller learning rate or gradient"
                + " clipping", e.getMessage());
        assertEquals(2, e.epoch());
        assertEquals(7, e.step());
        assertEquals(2, e.batch());
        assertEquals(5, e.batches());
        assertEquals(LR, e.learningRate(), EXACT);
        assertTrue(Double.isNaN(e.loss()));
        assertEquals(1, recorder.weights.size());
    }

    @Test
    void fit_infiniteLoss_throwsToo() {
        Sequential model = model();
        Trainer t = Trainer.builder(model, failingAt(1, Double.NEGATIVE_INFINITY), sgd(model))
                .batchSize(BATCH).progressBar(false).build();
        var e = assertThrows(TrainingDivergedException.class, () -> t.fit(data(3, ROWS)));
        assertEquals(Double.NEGATIVE_INFINITY, e.loss(), EXACT);
        assertEquals(1, e.epoch());
        assertEquals(1, e.step());
    }

    @Test
    void scheduler_stepsAfterEveryEpoch() {
        Sequential model = model();
        SGD sgd = sgd(model);
        TrainingHistory h = builder(model, sgd).scheduler(new StepLR(sgd, 1, 0.5)).build()
                .fit(data(3, ROWS));
        assertEquals(0.1, h.epochs().get(0).learningRate(), EXACT);
        assertEquals(0.05, h.epochs().get(1).learningRate(), EXACT);
        assertEquals(0.025, h.epochs().get(2).learningRate(), EXACT);
        assertEquals(0.0125, sgd.learningRate(), EXACT);
    }

    @Test
    void scheduler_ofAnotherOptimizer_throws() {
        Sequential model = model();
        SGD other = sgd(model);
        var e = assertThrows(IllegalArgumentException.class,
                () -> builder(model, sgd(model)).scheduler(new StepLR(other, 1, 0.5)));
        assertTrue(e.getMessage().startsWith("Trainer.scheduler: schedule must set the trainer's"
                + " optimizer SGD("), e.getMessage());
    }

    /** Checks clipping from inside the step: the norm before, the norm after. */
    private static final class ClipWatcher implements TrainingListener {
        final List<Double> before = new ArrayList<>();
        final List<Double> reported = new ArrayList<>();
        final List<Double> after = new ArrayList<>();
        final List<Double> seenAfterBackward = new ArrayList<>();

        static double norm(List<Parameter> params) {
            double sum = 0;
            for (Parameter p : params) {
                for (double g : p.grad().toRowMajorArray()) {
                    sum += g * g;
                }
            }
            return Math.sqrt(sum);
        }

        @Override
        public void afterBackward(TrainingStep step) {
            before.add(norm(step.parameters()));
            seenAfterBackward.add(step.gradientNorm());
        }

        @Override
        public void beforeOptimizerStep(TrainingStep step) {
            reported.add(step.gradientNorm());
            after.add(norm(step.parameters()));
        }
    }

    @Test
    void clipGradNorm_clipsBeforeTheStep_andReportsTheNormBefore() {
        Sequential model = model();
        ClipWatcher w = new ClipWatcher();
        builder(model, sgd(model)).epochs(1).clipGradNorm(0.01).listener(w).build()
                .fit(data(3, ROWS));
        assertEquals(STEPS_PER_EPOCH, w.before.size());
        for (int i = 0; i < STEPS_PER_EPOCH; i++) {
            assertTrue(w.before.get(i) > 0.01, "step " + i + " needs clipping");
            assertEquals(w.before.get(i), w.reported.get(i), 1e-15);
            assertEquals(0.01, w.after.get(i), 1e-6);
            assertTrue(Double.isNaN(w.seenAfterBackward.get(i)));
        }
    }

    @Test
    void withoutClipping_theGradientsReachTheStepUnchanged() {
        Sequential model = model();
        ClipWatcher w = new ClipWatcher();
        builder(model, sgd(model)).epochs(1).listener(w).build().fit(data(3, ROWS));
        for (int i = 0; i < STEPS_PER_EPOCH; i++) {
            assertEquals(w.before.get(i), w.after.get(i), EXACT);
            assertTrue(Double.isNaN(w.reported.get(i)));
        }
    }

    /** Writes every call it gets, in order. */
    private static final class CallLog implements TrainingListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onTrainingStart(Layer model, Optimizer optimizer, int epochs) {
            calls.add("start " + epochs);
        }

        @Override
        public void onEpochStart(int epoch) {
            calls.add("epoch " + epoch);
        }

        @Override
        public void afterBackward(TrainingStep step) {
            calls.add("backward " + step.epoch() + "." + step.step() + " batch "
                    + step.batch().index() + " loss " + (step.loss() > 0));
        }

        @Override
        public void beforeOptimizerStep(TrainingStep step) {
            calls.add("before " + step.step());
        }

        @Override
        public void afterOptimizerStep(TrainingStep step) {
            calls.add("after " + step.step());
        }

        @Override
        public void onEpochEnd(EpochResult epoch) {
            calls.add("end " + epoch.epoch());
        }

        @Override
        public void onTrainingEnd(TrainingHistory history) {
            calls.add("done " + history.epochs().size());
        }
    }

    @Test
    void listeners_calledInTheLoopsOrder() {
        Sequential model = model();
        CallLog first = new CallLog();
        List<String> order = new ArrayList<>();
        TrainingListener second = new TrainingListener() {
            @Override
            public void afterBackward(TrainingStep step) {
                order.add("second " + step.step());
            }
        };
        TrainingListener third = new TrainingListener() { };
        builder(model, sgd(model)).epochs(2).batchSize(20).listener(new TrainingListener() {
            @Override
            public void afterBackward(TrainingStep step) {
                order.add("first " + step.step());
            }
        }).listener(second).listener(first).listener(third).build().fit(data(3, ROWS));

        assertEquals(List.of("start 2",
                "epoch 1",
                "backward 1.1 batch 0 loss true", "before 1", "after 1",
                "backward 1.2 batch 1 loss true", "before 2", "after 2",
                "end 1",
                "epoch 2",
                "backward 2.3 batch 0 loss true", "before 3", "after 3",
                "backward 2.4 batch 1 loss true", "before 4", "after 4",
                "end 2",
                "done 2"), first.calls);
        assertEquals(List.of("first 1", "second 1", "first 2", "second 2", "first 3", "second 3",
                "first 4", "second 4"), order);
    }

    @Test
    void trainingStep_showsTheLiveObjects() {
        Sequential model = model();
        SGD sgd = sgd(model);
        List<String> seen = new ArrayList<>();
        builder(model, sgd).epochs(1).batchSize(ROWS).listener(new TrainingListener() {
            @Override
            public void afterOptimizerStep(TrainingStep step) {
                assertSame(model, step.model());
                assertSame(sgd, step.optimizer());
                assertEquals(sgd.parameters(), step.parameters());
                assertEquals(ROWS, step.batch().size());
                seen.add(step.toString());
            }
        }).build().fit(data(3, ROWS));
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("TrainingStep[epoch 1, step 1, loss "), seen.get(0));
        assertTrue(seen.get(0).endsWith(", Batch[#0, features 40x2, targets 40x1]]"),
                seen.get(0));
    }

    @Test
    void checkpoints_everyTwoEpochs_keepTheLastTwo(@TempDir Path dir) throws IOException {
        Sequential model = model();
        SGD sgd = sgd(model);
        WeightRecorder recorder = new WeightRecorder();
        builder(model, sgd).epochs(7).checkpoints(dir, 2, 2).listener(recorder).build()
                .fit(data(3, ROWS));

        try (var files = Files.list(dir)) {
            assertEquals(List.of("epoch-00004.safetensors", "epoch-00006.safetensors"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Sequential loaded = model();
        SGD loadedSgd = sgd(loaded);
        long step = Checkpoint.load(dir.resolve("epoch-00006.safetensors"), loaded, loadedSgd);
        assertEquals(6 * STEPS_PER_EPOCH, step);
        assertSameValues(recorder.weights.get(5), loaded);
    }

    @Test
    void checkpoints_withSchedule_saveTheSchedule(@TempDir Path dir) throws IOException {
        Sequential model = model();
        SGD sgd = sgd(model);
        builder(model, sgd).epochs(2).scheduler(new StepLR(sgd, 1, 0.5)).checkpoints(dir, 1, 5)
                .build().fit(data(3, ROWS));
        Sequential loaded = model();
        SGD loadedSgd = sgd(loaded);
        StepLR schedule = new StepLR(loadedSgd, 1, 0.5);
        assertEquals(2 * STEPS_PER_EPOCH, Checkpoint.load(dir.resolve("epoch-00002.safetensors"),
                loaded, loadedSgd, schedule));
        assertEquals(2, schedule.epoch());
        assertEquals(0.025, loadedSgd.learningRate(), EXACT);
        assertTrue(Files.exists(dir.resolve("epoch-00001.safetensors")));
    }

    @Test
    void checkpoints_missingFolder_throwsNamingTheFile(@TempDir Path dir) {
        Sequential model = model();
        Path missing = dir.resolve("missing");
        Trainer t = builder(model, sgd(model)).checkpoints(missing, 1, 1).build();
        var e = assertThrows(java.io.UncheckedIOException.class, () -> t.fit(data(3, ROWS)));
        assertEquals("Trainer: could not write the checkpoint "
                + missing.resolve("epoch-00001.safetensors") + " after epoch 1", e.getMessage());
    }

    @Test
    void csvLog_oneRowPerEpoch_exactNumbers(@TempDir Path dir) throws IOException {
        Sequential model = model();
        Path log = dir.resolve("log.csv");
        TrainingHistory h = builder(model, sgd(model)).epochs(2).csvLog(log).build()
                .fit(data(3, ROWS), data(4, 10));
        EpochResult e1 = h.epochs().get(0);
        EpochResult e2 = h.epochs().get(1);
        assertEquals("epoch,steps,lr,loss,val_loss\n"
                + "1,5,0.1," + e1.loss() + "," + e1.validationLoss() + "\n"
                + "2,10,0.1," + e2.loss() + "," + e2.validationLoss() + "\n",
                Files.readString(log));
    }

    @Test
    void csvLog_secondFit_startsANewFile(@TempDir Path dir) throws IOException {
        Sequential model = model();
        Path log = dir.resolve("log.csv");
        Trainer t = builder(model, sgd(model)).epochs(2).csvLog(log).build();
        t.fit(data(3, ROWS));
        TrainingHistory second = t.fit(data(3, ROWS));
        assertEquals("epoch,steps,lr,loss\n"
                + "1,5,0.1," + second.epochs().get(0).loss() + "\n"
                + "2,10,0.1," + second.epochs().get(1).loss() + "\n", Files.readString(log));
    }

    @Test
    void csvLog_missingFolder_throwsNamingTheFile(@TempDir Path dir) {
        Sequential model = model();
        Path log = dir.resolve("missing").resolve("log.csv");
        Trainer t = builder(model, sgd(model)).csvLog(log).build();
        var e = assertThrows(java.io.UncheckedIOException.class, () -> t.fit(data(3, ROWS)));
        assertEquals("Trainer: could not write the CSV log " + log + " after epoch 1",
                e.getMessage());
    }

    @Test
    void fit_twice_goesOnFromTheCurrentWeights() {
        Dataset train = data(3, ROWS);
        Sequential once = model();
        builder(once, sgd(once)).epochs(4).build().fit(train);
        Sequential twice = model();
        Trainer t = builder(twice, sgd(twice)).epochs(2).build();
        t.fit(train);
        t.fit(train);
        assertSameValues(values(once), twice);
    }

    @Test
    void fit_anotherDataset_trainsOnIt() {
        Sequential model = model();
        Trainer t = builder(model, sgd(model)).epochs(1).build();
        assertEquals(STEPS_PER_EPOCH, t.fit(data(3, ROWS)).last().steps());
        assertEquals(2, t.fit(data(3, 2 * BATCH)).last().steps());
        assertEquals(STEPS_PER_EPOCH, t.fit(data(3, ROWS)).last().steps());
    }

    @Test
    void progressBar_onByDefault_andHarmlessWithoutATerminal() {
        Sequential model = model();
        Trainer withBar = Trainer.builder(model, new MSELoss(), sgd(model)).epochs(2)
                .batchSize(BATCH).build();
        assertTrue(withBar.hasProgressBar());
        assertEquals(2, withBar.fit(data(3, ROWS)).epochs().size());
        assertFalse(builder(model, sgd(model)).build().hasProgressBar());
    }

    @Test
    void earlyStopping_onAValidationMetric() {
        Sequential model = model();
        TrainingHistory h = builder(model, sgd(model)).epochs(2).metric("rmse", Metrics::rmse)
                .earlyStopping(EarlyStopping.min("val_rmse")).build()
                .fit(data(3, ROWS), data(4, 10));
        assertEquals("val_rmse", h.monitor());
        assertEquals(List.of("loss", "rmse", "val_loss", "val_rmse"),
                List.copyOf(h.last().values().keySet()));
    }

    @Test
    void builder_badOptions_throwNamingThem() {
        Sequential model = model();
        TrainerBuilder b = builder(model, sgd(model));
        assertEquals("Trainer: epochs must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> b.epochs(0)).getMessage());
        assertEquals("Trainer: batchSize must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> b.batchSize(0)).getMessage());
        assertEquals("Trainer.clipGradNorm: maxNorm must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> b.clipGradNorm(0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.clipGradNorm(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> b.clipGradNorm(Double.POSITIVE_INFINITY));
        for (String bad : new String[] {"loss", "val_rmse", ""}) {
            assertEquals("Trainer.metric: name must be new, not empty, not \"loss\" and not start"
                    + " with \"val_\", got \"" + bad + "\"", assertThrows(
                            IllegalArgumentException.class, () -> b.metric(bad, Metrics::mse))
                            .getMessage());
        }
        b.metric("mse", Metrics::mse);
        assertThrows(IllegalArgumentException.class, () -> b.metric("mse", Metrics::mae));
        assertEquals("Trainer: checkpoint every must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> b.checkpoints(Path.of("."), 0, 1))
                .getMessage());
        assertEquals("Trainer: checkpoint keep must be >= 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> b.checkpoints(Path.of("."), 1, 0))
                .getMessage());
        Linear linear = new Linear(2, 1, new SplittableRandom(1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(linear, new MSELoss(), sgd(linear))
                        .checkpoints(Path.of("."), 1, 1));
        assertEquals("Trainer.checkpoints: the model must be Stateful (as Sequential is) to be"
                + " saved, got Linear(2→1)", e.getMessage());
        assertEquals("Trainer: model must not be null", assertThrows(NullPointerException.class,
                () -> Trainer.builder(null, new MSELoss(), sgd(model))).getMessage());
    }

    @Test
    void builder_smallestValidOptions_areAccepted() {
        Sequential model = model();
        TrainingHistory h = builder(model, sgd(model)).epochs(1).batchSize(1)
                .clipGradNorm(Double.MIN_VALUE).build().fit(data(3, 3));
        assertEquals(1, h.epochs().size());
        assertEquals(3, h.last().steps());
    }
}
