package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SGD#stateDict()} and {@link SGD#loadStateDict}: the optimizer half of a checkpoint. */
class SGDStateDictTest {

    private static final double TOLERANCE = 1e-12;

    /** Two parameters, a (2×2) weight and a (1×2) bias, with fixed gradients. */
    private static List<Parameter> params() {
        Parameter w = new Parameter("0.weight", Matrix.of(new double[][] {{1, -2}, {0.5, 4}}));
        Parameter b = new Parameter("0.bias", Matrix.rowVector(0.25, -1));
        w.grad().set(0, 0, 0.3);
        w.grad().set(1, 1, -0.7);
        b.grad().set(0, 1, 0.9);
        return List.of(w, b);
    }

    private static SGD.Builder options(List<Parameter> params) {
        return SGD.builder(params).learningRate(0.1).momentum(0.9).nesterov(true)
                .weightDecay(0.01);
    }

    @Test
    void stateDict_afterTwoSteps_holdsBuffersAndEveryHyperparameterAsText() {
        SGD sgd = options(params()).build();
        sgd.step();
        sgd.step();
        sgd.setLearningRate(0.05);

        StateDict sd = sgd.stateDict();

        assertEquals(List.of("momentum_buffer.0.weight", "momentum_buffer.0.bias"), sd.names());
        // bias θ = (0.25, −1), grad (0, 0.9), λ = 0.01, μ = 0.9, Nesterov, lr 0.1:
        // step 1: g = (0.0025, 0.89) = b;  θ −= 0.1·1.9·g  →  θ = (0.249525, −1.1691)
        // step 2: g = (0.00249525, 0.888309);  b = 0.9·b + g = (0.00474525, 1.689309)
        assertArrayEquals(new double[] {0.00474525, 1.689309},
                sd.get("momentum_buffer.0.bias").matrix().toRowMajorArray(), TOLERANCE);
        assertEquals(Map.of("type", "sgd", "lr", "0.05", "momentum", "0.9", "dampening", "0.0",
                "nesterov", "true", "weight_decay", "0.01", "steps", "2"), sd.metadata());
        assertEquals(List.of("type", "lr", "momentum", "dampening", "nesterov", "weight_decay",
                "steps"), List.copyOf(sd.metadata().keySet()));
    }

    @Test
    void loadStateDict_intoFreshOptimizer_nextStepIsBitIdentical() {
        List<Parameter> a = params();
        List<Parameter> b = params();
        SGD first = options(a).build();
        first.step();
        first.step();
        SGD second = options(b).build();
        second.step();                                           // a state to be overwritten
        for (int i = 0; i < a.size(); i++) {
            MatrixOps.copy(a.get(i).value(), b.get(i).value());  // the same weights
        }

        second.loadStateDict(first.stateDict());
        first.step();
        second.step();

        assertEquals(3, second.steps());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).value().toRowMajorArray(),
                    b.get(i).value().toRowMajorArray());                  // bit for bit
        }
    }

    @Test
    void checkStateDict_everyKindOfProblem_listsThemAllInOrder() {
        SGD sgd = options(params()).build();
        StateDict bad = StateDict.builder()
                .put("momentum_buffer.0.weight", Matrix.zeros(2, 3))
                .put("momentum_buffer.1.weight", Matrix.zeros(2, 2))
                .metadata("type", "adam")
                .metadata("lr", "fast")
                .metadata("momentum", "0.5")
                .metadata("dampening", "0.0")
                .metadata("nesterov", "false")
                .metadata("weight_decay", "0.01")
                .metadata("steps", "4")
                .build();

        List<String> problems = sgd.checkStateDict(bad);

        assertEquals(List.of(
                "\"type\" must be \"sgd\", got \"adam\"",
                "\"lr\" must be finite and >= 0, got \"fast\"",
                "\"momentum\" must be 0.9 as this optimizer was built, got \"0.5\"",
                "\"nesterov\" must be true as this optimizer was built, got \"false\"",
                "\"momentum_buffer.0.weight\" must have its parameter's shape 2x2, got 2x3",
                "unexpected \"momentum_buffer.1.weight\" (shape [2, 2])",
                "missing \"momentum_buffer.0.bias\" (shape 1x2)"), problems);
    }

    @Test
    void checkStateDict_missingMetadata_namesEachKey() {
        SGD sgd = new SGD(params(), 0.1);

        List<String> problems = sgd.checkStateDict(StateDict.builder().build());

        assertEquals(List.of(
                "\"type\" must be \"sgd\", got nothing",
                "\"lr\" must be finite and >= 0, got nothing",
                "\"momentum\" must be 0.0 as this optimizer was built, got nothing",
                "\"dampening\" must be 0.0 as this optimizer was built, got nothing",
                "\"nesterov\" must be false as this optimizer was built, got nothing",
                "\"weight_decay\" must be 0.0 as this optimizer was built, got nothing",
                "\"steps\" must be a whole number >= 0, got nothing"), problems);
    }

    @Test
    void loadStateDict_buffersMissingAfterSteps_refusedAndOptimizerUnchanged() {
        SGD sgd = options(params()).build();
        sgd.step();
        Matrix buffer = sgd.stateDict().get("momentum_buffer.0.weight").matrix();
        StateDict.Builder b = StateDict.builder();
        options(params()).build().stateDict().metadata().forEach(b::metadata);
        b.metadata("steps", "5");                               // steps taken, but no buffers

        StateDictException e = assertThrows(StateDictException.class,
                () -> sgd.loadStateDict(b.build()));

        assertEquals("SGD.loadStateDict: state dict must match this optimizer, got 1 problem:"
                + " per-parameter state (momentum_buffer) must be present after the first step"
                + " and absent before it, got 0 tensors after 5 steps", e.getMessage());
        assertEquals(1, sgd.steps());
        assertArrayEquals(buffer.toRowMajorArray(),
                sgd.stateDict().get("momentum_buffer.0.weight").matrix().toRowMajorArray(), 0.0);
    }

    @Test
    void checkStateDict_buffersWithoutMomentum_areRefused() {
        SGD plain = new SGD(params(), 0.1);
        StateDict.Builder b = StateDict.builder()
                .put("momentum_buffer.0.bias", Tensor.vector(Matrix.zeros(1, 2)));
        plain.stateDict().metadata().forEach(b::metadata);

        List<String> problems = new ArrayList<>(plain.checkStateDict(b.build()));

        assertEquals(List.of("unexpected \"momentum_buffer.0.bias\" (shape [2])"), problems);
    }

    /**
     * A state dict laid out as SGD has always written it (and as checkpoint files hold it):
     * it loads, and the optimizer writes it back with the same names, keys, order and values.
     */
    @Test
    void loadStateDict_layoutOfEarlierFiles_loadsAndIsWrittenBackUnchanged() {
        StateDict earlier = StateDict.builder()
                .put("momentum_buffer.0.weight", Matrix.of(new double[][] {{0.5, -1}, {2, 0}}))
                .put("momentum_buffer.0.bias", Tensor.vector(Matrix.rowVector(0.125, 3)))
                .metadata("type", "sgd")
                .metadata("lr", "0.025")
                .metadata("momentum", "0.9")
                .metadata("dampening", "0.0")
                .metadata("nesterov", "true")
                .metadata("weight_decay", "0.01")
                .metadata("steps", "7")
                .build();
        SGD sgd = options(params()).build();

        sgd.loadStateDict(earlier);
        StateDict again = sgd.stateDict();

        assertEquals(7, sgd.steps());
        assertEquals(0.025, sgd.learningRate(), 0.0);
        assertEquals(earlier.names(), again.names());
        assertEquals(List.copyOf(earlier.metadata().entrySet()),
                List.copyOf(again.metadata().entrySet()));
        for (String name : earlier.names()) {
            assertArrayEquals(earlier.get(name).matrix().toRowMajorArray(),
                    again.get(name).matrix().toRowMajorArray(), 0.0, name);
        }
    }
}
