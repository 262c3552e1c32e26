package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.io.TorchMlpReference;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.io.SafetensorsReader;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.optim.SGD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Checkpoint} with a real model and optimizer: a run stopped at step k and resumed from
 * the file ends with the very bits of a run that never stopped.
 */
class CheckpointTest {

    private static final int STEPS = 20;
    private static final int BATCH = 8;
    private static final int BATCHES = 4;
    /** The step at which the schedule halves the learning rate, before the save in most cases. */
    private static final int DECAY_AT = 5;

    @TempDir
    Path folder;

    /** The options of one SGD configuration, by name. */
    private static SGD optimizer(String config, List<Parameter> params) {
        SGD.Builder b = SGD.builder(params).learningRate(0.05);
        switch (config) {
            case "plain":
                break;
            case "momentum-dampening-decay":
                b.momentum(0.9).dampening(0.1).weightDecay(1e-3);
                break;
            case "nesterov-decay":
                b.momentum(0.9).nesterov(true).weightDecay(1e-3);
                break;
            default:
                throw new IllegalArgumentException(config);
        }
        return b.build();
    }

    /** One training run: model, optimizer, and the fixed mini-batches they cycle through. */
    private static final class Run {
        final Sequential model;
        final SGD sgd;
        final Matrix[] x = new Matrix[BATCHES];
        final Matrix[] y = new Matrix[BATCHES];
        final MSELoss loss = new MSELoss();

        Run(String config, long modelSeed) {
            model = TorchFiles.mlp(new SplittableRandom(modelSeed));
            sgd = optimizer(config, model.parameters());
            SplittableRandom data = new SplittableRandom(99);
            for (int i = 0; i < BATCHES; i++) {
                x[i] = Matrix.uniform(BATCH, 3, -2, 2, data);
                y[i] = Matrix.uniform(BATCH, 2, -1, 1, data);
            }
        }

        /** Steps {@code from} (inclusive) to {@code to} (exclusive), each on batch step % 4. */
        void train(int from, int to) {
            for (int step = from; step < to; step++) {
                if (step == DECAY_AT) {
                    sgd.setLearningRate(sgd.learningRate() / 2);
                }
                sgd.zeroGrad();
                loss.forward(model.forward(x[step % BATCHES]), y[step % BATCHES]);
                model.backward(loss.backward());
                sgd.step();
            }
        }
    }

    @ParameterizedTest(name = "{0}, stopped at step {1}")
    @CsvSource({
        "plain, 7",
        "momentum-dampening-decay, 7",
        "nesterov-decay, 7",
        "nesterov-decay, 1",
        "nesterov-decay, 0",
        "momentum-dampening-decay, 12",
    })
    void load_resumedAtStepK_endsWithTheBitsOfAnUninterruptedRun(String config, int k)
            throws IOException {
        Run straight = new Run(config, 1);
        straight.train(0, STEPS);

        Run first = new Run(config, 1);
        first.train(0, k);
        Path file = folder.resolve("checkpoint.safetensors");
        Checkpoint.save(file, first.model, first.sgd, k);
        Run resumed = new Run(config, 2);                       // other initial weights
        long step = Checkpoint.load(file, resumed.model, resumed.sgd);
        resumed.train((int) step, STEPS);

        assertEquals(k, step);
        assertEquals(STEPS, resumed.sgd.steps());
        assertEquals(straight.sgd.learningRate(), resumed.sgd.learningRate(), 0.0);
        List<Parameter> expected = straight.model.parameters();
        List<Parameter> actual = resumed.model.parameters();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(bits(expected.get(i).value()), bits(actual.get(i).value()),
                    expected.get(i).name());
        }
    }

    private static long[] bits(Matrix m) {
        double[] d = m.toRowMajorArray();
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToLongBits(d[i]);
        }
        return b;
    }

    @Test
    void save_withOptimizer_writesDocumentedNamesShapesAndMetadata() throws IOException {
        Run run = new Run("nesterov-decay", 1);
        run.train(0, 7);
        Path file = folder.resolve("checkpoint.safetensors");

        Checkpoint.save(file, run.model, run.sgd, 7);

        StateDict read = SafetensorsReader.read(file);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias",
                "optimizer.momentum_buffer.0.weight", "optimizer.momentum_buffer.0.bias",
                "optimizer.momentum_buffer.2.weight", "optimizer.momentum_buffer.2.bias",
                "optimizer.momentum_buffer.4.weight", "optimizer.momentum_buffer.4.bias"),
                read.names());
        for (String name : List.of("0.weight", "0.bias", "2.weight", "4.weight", "4.bias")) {
            assertArrayEquals(read.get(name).shape(),
                    read.get("optimizer.momentum_buffer." + name).shape(), name);
        }
        Matrix buffer = run.sgd.stateDict().get("momentum_buffer.0.weight").matrix(); // (3×8)
        assertEquals(buffer.get(2, 5),
                read.get("optimizer.momentum_buffer.0.weight").matrix().get(5, 2), 0.0);
        assertEquals(Map.of(
                "format", "pt",
                "backprop4j.step", "7",
                "optimizer.type", "sgd",
                "optimizer.lr", "0.025",
                "optimizer.momentum", "0.9",
                "optimizer.dampening", "0.0",
                "optimizer.nesterov", "true",
                "optimizer.weight_decay", "0.001",
                "optimizer.steps", "7"), read.metadata());
    }

    @Test
    void save_modelOnly_writesThePureStateDict() throws IOException {
        Run run = new Run("plain", 1);
        Path file = folder.resolve("model.safetensors");

        Checkpoint.save(file, run.model);

        StateDict read = SafetensorsReader.read(file);
        assertEquals(run.model.stateDict().names(), read.names());
        assertEquals(Map.of("format", "pt"), read.metadata());
    }

    @Test
    void loadModelOnly_fullCheckpoint_ignoresOptimizerNamespaceAndReturnsStep()
            throws IOException {
        Run run = new Run("nesterov-decay", 1);
        run.train(0, 3);
        Path file = folder.resolve("checkpoint.safetensors");
        Checkpoint.save(file, run.model, run.sgd, 3);
        Sequential model = TorchFiles.mlp(new SplittableRandom(2));

        long step = Checkpoint.load(file, model);

        assertEquals(3, step);
        SequentialStateDictTest.assertSameParameters(run.model, model);
    }

    @Test
    void load_optimizerBuiltWithOtherOptions_listsEveryMismatchAndChangesNothing()
            throws IOException {
        Run run = new Run("nesterov-decay", 1);
        run.train(0, 3);
        Path file = folder.resolve("checkpoint.safetensors");
        Checkpoint.save(file, run.model, run.sgd, 3);
        Run other = new Run("momentum-dampening-decay", 2);
        other.train(0, 2);
        double[][] weights = values(other.model);
        StateDict state = other.sgd.stateDict();

        StateDictException e = assertThrows(StateDictException.class,
                () -> Checkpoint.load(file, other.model, other.sgd));

        assertEquals(List.of(
                "optimizer: \"dampening\" must be 0.1 as this optimizer was built, got \"0.0\"",
                "optimizer: \"nesterov\" must be false as this optimizer was built, got \"true\""),
                e.problems());
        assertArrayEquals(weights, values(other.model));
        assertEquals(state.metadata(), other.sgd.stateDict().metadata());
        assertEquals(2, other.sgd.steps());
        assertArrayEquals(state.get("momentum_buffer.0.weight").matrix().toRowMajorArray(),
                other.sgd.stateDict().get("momentum_buffer.0.weight").matrix().toRowMajorArray(),
                0.0);
    }

    @Test
    void load_wrongModelAndWrongOptimizer_listsBothInOneError() throws IOException {
        Run run = new Run("nesterov-decay", 1);
        run.train(0, 3);
        Path file = folder.resolve("checkpoint.safetensors");
        Checkpoint.save(file, run.model, run.sgd, 3);
        SplittableRandom rng = new SplittableRandom(3);
        Sequential wider = new Sequential(new Linear(3, 8, rng), new ReLU(), new Linear(8, 4, rng));
        SGD plain = new SGD(wider.parameters(), 0.1);

        StateDictException e = assertThrows(StateDictException.class,
                () -> Checkpoint.load(file, wider, plain));

        String message = e.getMessage();
        assertTrue(message.contains("\"2.weight\" must have shape [4, 8] (out×in), got [8, 8]"),
                message);
        assertTrue(message.contains("unexpected \"4.weight\" (shape [2, 8])"), message);
        assertTrue(message.contains("optimizer: \"momentum\" must be 0.0 as this optimizer was"
                + " built, got \"0.9\""), message);
        assertTrue(message.contains("optimizer: unexpected \"momentum_buffer.4.bias\""), message);
    }

    @Test
    void load_modelOnlyFileWithOptimizer_isRefusedWithAHint() throws IOException {
        Run run = new Run("plain", 1);
        Path file = folder.resolve("model.safetensors");
        Checkpoint.save(file, run.model);
        Run other = new Run("plain", 2);
        double[][] weights = values(other.model);

        StateDictException e = assertThrows(StateDictException.class,
                () -> Checkpoint.load(file, other.model, other.sgd));

        assertTrue(e.getMessage().contains("got a model state dict alone; load it with"
                + " load(path, model)"), e.getMessage());
        assertArrayEquals(weights, values(other.model));
    }

    @Test
    void load_torchStateDictAfterSave_replacesAnExistingCheckpointFile() throws IOException {
        Run run = new Run("plain", 1);
        Path file = folder.resolve("model.safetensors");
        Files.copy(TorchMlpReference.F64, file);

        Checkpoint.save(file, run.model);

        Sequential loaded = TorchFiles.mlp(new SplittableRandom(2));
        Checkpoint.load(file, loaded);
        SequentialStateDictTest.assertSameParameters(run.model, loaded);
        assertFalse(SafetensorsReader.read(file).metadata().containsKey("architecture"));
    }

    private static double[][] values(Sequential model) {
        return model.parameters().stream().map(p -> p.value().toRowMajorArray())
                .toArray(double[][]::new);
    }
}
