package io.github.backprop4j.optim;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Shapes;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.core.state.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an optimizer does besides its update rule: the checked parameter list, the learning
 * rate, the step count, fixed options, per-parameter state buffers, and state dicts that resume
 * training bit for bit. A subclass is its rule.
 *
 * <h2>Writing an optimizer</h2>
 * The constructor passes a name, the parameters and the learning rate up, then declares each
 * fixed option (validated here, recorded for state dicts) and each kind of per-parameter buffer;
 * {@link #update(long)} applies the rule. Sign descent with a running average of the gradient,
 * {@code m ← β·m + (1 − β)·g;  θ ← θ − lr·sign(m)}, is complete as (the optimizer's tests hold
 * this class, {@code Signum}):
 * <pre>{@code
 * final class Signum extends AbstractOptimizer {
 *     private final double beta;
 *     private final Matrix[] expAvg;                          // m, one per parameter
 *
 *     Signum(List<Parameter> params, double learningRate, double beta) {
 *         super("Signum", params, learningRate);
 *         this.beta = option("beta", beta, Range.closedOpen(0, 1));
 *         this.expAvg = buffers("exp_avg");
 *     }
 *
 *     protected void update(long step) {
 *         double lr = learningRate();
 *         for (int i = 0; i < params.length; i++) {
 *             double[] theta = params[i].value().unwrap().data;
 *             double[] grad = params[i].grad().unwrap().data;
 *             double[] m = expAvg[i].unwrap().data;
 *             for (int k = 0, n = params[i].value().size(); k < n; k++) {
 *                 m[k] = beta * m[k] + (1 - beta) * grad[k];  // m ← β·m + (1 − β)·g
 *                 theta[k] -= lr * Math.signum(m[k]);         // θ ← θ − lr·sign(m)
 *             }
 *         }
 *     }
 * }
 * }</pre>
 *
 * <h2>The state dict</h2>
 * <pre>
 *   tensors    &lt;kind&gt;.&lt;parameter name&gt;    one per declared kind and parameter, of the
 *                                         parameter's shape, kind by kind in declaration order
 *                                         and parameters in order; none before the first step
 *   metadata   type    the name in lower case ("sgd")
 *              lr      the learning rate of the next step (restored)
 *              each fixed option, under its name in snake case (weightDecay → weight_decay);
 *                      a loaded state must hold the same values
 *              steps   how many steps were taken (restored)
 * </pre>
 * Numbers are written with {@code Double.toString}, which reads back to the same double. Loading
 * is all or nothing: {@link #checkStateDict} lists every problem, and {@link #loadStateDict}
 * throws them together in one {@link StateDictException} before anything changes.
 *
 * <h2>Per-parameter state before the first step</h2>
 * As in PyTorch, an optimizer that has not stepped has no per-parameter state: its state dict
 * holds no tensors, and a loaded state must hold none at step 0 and all of them after. The
 * buffers themselves exist from construction (so that {@link #step()} allocates nothing) and hold
 * zeros until the first step: they are created zero, and zeroed again when a state of step 0 is
 * loaded. A rule may therefore read them at its first step (a running average starting from 0)
 * or overwrite them there (SGD's momentum buffer starts as the first gradient).
 */
public abstract class AbstractOptimizer implements Optimizer {

    private static final Range LEARNING_RATE = Range.nonNegative();
    private static final String LR = "lr";
    private static final String STEPS = "steps";

    /** The parameters in the order given, for indexed loops in {@link #update}; do not modify. */
    protected final Parameter[] params;

    private final String name;
    private final List<Parameter> parameters;
    private final StateMetadata metadata;
    /** Per-parameter buffers by kind, in declaration order; each array parallels params. */
    private final Map<String, Matrix[]> buffers = new LinkedHashMap<>();

    private double learningRate;
    private long steps;

    /**
     * Checks and keeps the parameters and the learning rate.
     *
     * @param name         the optimizer's name in messages ({@code "SGD"}); lower-cased, its
     *                     {@code type} in state dicts
     * @param params       the parameters to update; not empty, no duplicates (same object, same
     *                     name or same value matrix)
     * @param learningRate lr, finite and {@code >= 0}, as PyTorch's (with 0 a step leaves the
     *                     values where they are)
     * @throws IllegalArgumentException if an argument is invalid; the message says which
     */
    protected AbstractOptimizer(String name, List<Parameter> params, double learningRate) {
        this.name = Objects.requireNonNull(name, "AbstractOptimizer: name must not be null");
        this.metadata = new StateMetadata(name, "optimizer", LR, STEPS);
        this.parameters = checkParameters(name, params);
        this.params = parameters.toArray(new Parameter[0]);
        this.learningRate = LEARNING_RATE.check(name, "learningRate", learningRate);
    }

    // ---------------------------------------------------------------- what a subclass declares

    /**
     * Validates a fixed numeric option and records it for state dicts and {@link #toString()}.
     * Call from the constructor; the order of the calls is the order in the state dict.
     *
     * @param optionName the option as the builder spells it, for example {@code "weightDecay"}
     * @param value      its value
     * @param range      the values it may take
     * @return {@code value}
     * @throws IllegalArgumentException {@code SGD: weightDecay must be finite and >= 0, got -1.0}
     */
    protected final double option(String optionName, double value, Range range) {
        return metadata.option(optionName, value, range);
    }

    /**
     * Records a fixed boolean option for state dicts and {@link #toString()}, as
     * {@link #option(String, double, Range)} does.
     *
     * @param optionName the option, for example {@code "nesterov"}
     * @param value      its value
     * @return {@code value}
     */
    protected final boolean option(String optionName, boolean value) {
        return metadata.option(optionName, value);
    }

    /**
     * Allocates one buffer per parameter, zero and of the parameter's shape, and names it in
     * state dicts as {@code <kind>.<parameter name>}. Call from the constructor, once per kind.
     *
     * @param kind the buffer's name, as PyTorch names it: {@code "momentum_buffer"},
     *             {@code "exp_avg"}; without a dot
     * @return the buffers, parallel to {@link #params}; this optimizer saves and restores them
     * @throws IllegalArgumentException if the kind is declared twice or contains a dot
     */
    protected final Matrix[] buffers(String kind) {
        Objects.requireNonNull(kind, name + ".buffers: kind must not be null");
        if (kind.isEmpty() || kind.contains(".") || buffers.containsKey(kind)) {
            throw new IllegalArgumentException(name + ".buffers: kind must be new, not empty and"
                    + " without a dot, got \"" + kind + "\"");
        }
        Matrix[] out = new Matrix[params.length];
        for (int i = 0; i < params.length; i++) {
            out[i] = Matrix.zeros(params[i].value().rows(), params[i].value().cols());
        }
        buffers.put(kind, out);
        return out;
    }

    // ---------------------------------------------------------------- the step

    /**
     * Updates every parameter once by the subclass's rule, then counts the step. Allocates
     * nothing if the rule does not.
     */
    @Override
    public final void step() {
        update(steps + 1);
        steps++;
    }

    /**
     * The update rule: changes each parameter's value in place from its gradient and this
     * optimizer's buffers. Must not allocate, and must not clear the gradients.
     *
     * @param step the number of this step, counting from 1 (the steps of a loaded state
     *             included): 1 is the first step, when the buffers still hold zeros
     */
    protected abstract void update(long step);

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    /**
     * Changes the learning rate for the following steps, as a schedule does; the buffers are
     * left as they are. Allocates nothing.
     *
     * @param learningRate the new lr, finite and {@code >= 0}: 0 is where a cosine schedule with
     *                     {@code etaMin = 0} arrives
     * @throws IllegalArgumentException if it is not; the rate is then unchanged
     */
    @Override
    public final void setLearningRate(double learningRate) {
        if (!LEARNING_RATE.contains(learningRate)) {   // so the message is built only to refuse
            LEARNING_RATE.check(name + ".setLearningRate", "learningRate", learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public final long steps() {
        return steps;
    }

    // ---------------------------------------------------------------- state dicts

    /**
     * The state as described in the class comment: copies of the buffers (after the first step)
     * and, as metadata, the type, the learning rate, the fixed options and the step count.
     *
     * @return a new state dict that later steps do not change
     */
    @Override
    public final StateDict stateDict() {
        StateDict.Builder b = StateDict.builder();
        if (steps > 0) {
            buffers.forEach((kind, matrices) -> {
                for (int i = 0; i < params.length; i++) {
                    b.put(kind + "." + params[i].name(), Tensor.of(matrices[i].copy()));
                }
            });
        }
        return metadata.write(b, learningRate, steps).build();
    }

    /**
     * Every reason {@code stateDict} does not fit this optimizer, in the order type, lr, fixed
     * options, steps, then the tensors; changes nothing. The fixed options must equal this
     * optimizer's, since resuming with other ones would not continue the same run; the learning
     * rate and the step count are restored, and may be anything valid.
     *
     * @param stateDict a state as {@link #stateDict()} makes it
     * @return one message per problem; empty if it loads
     */
    @Override
    public final List<String> checkStateDict(StateDict stateDict) {
        Objects.requireNonNull(stateDict, name + ".checkStateDict: stateDict must not be null");
        List<String> problems = new ArrayList<>();
        long stepCount = metadata.check(stateDict.metadata(), problems);
        checkTensors(stateDict, stepCount, problems);
        return problems;
    }

    /** Names and shapes of the tensors, and whether they are all there or none is. */
    private void checkTensors(StateDict stateDict, long stepCount, List<String> problems) {
        Map<String, Parameter> expected = new LinkedHashMap<>();    // tensor name -> parameter
        for (String kind : buffers.keySet()) {
            for (Parameter p : params) {
                expected.put(kind + "." + p.name(), p);
            }
        }
        int found = 0;
        for (Map.Entry<String, Tensor> e : stateDict.tensors().entrySet()) {
            Parameter p = expected.get(e.getKey());
            if (p == null) {
                problems.add(StateMetadata.unexpected(e.getKey(), e.getValue()));
                continue;
            }
            found++;
            Matrix m = e.getValue().matrix();
            if (m.rows() != p.value().rows() || m.cols() != p.value().cols()) {
                problems.add("\"" + e.getKey() + "\" must have its parameter's shape "
                        + Shapes.shape(p.value()) + ", got " + Shapes.shape(m));
            }
        }
        if (stepCount < 0 || expected.isEmpty()) {
            return;
        }
        if (found > 0 != stepCount > 0) {
            problems.add("per-parameter state (" + String.join(", ", buffers.keySet())
                    + ") must be present after the first step and absent before it, got "
                    + found + " tensors after " + stepCount + " steps");
        } else if (found > 0) {
            expected.forEach((tensor, p) -> {
                if (!stateDict.contains(tensor)) {
                    problems.add("missing \"" + tensor + "\" (shape " + Shapes.shape(p.value())
                            + ")");
                }
            });
        }
    }

    /**
     * Restores a state taken by {@link #stateDict()}, all or nothing: the learning rate, the
     * step count and the buffers (copied; zeroed for a state of step 0), so that the next
     * {@link #step()} is the one that would have followed.
     *
     * @param stateDict a state that {@link #checkStateDict} accepts
     * @throws StateDictException listing every problem; this optimizer is then unchanged
     */
    @Override
    public final void loadStateDict(StateDict stateDict) {
        metadata.refuseIfAny(checkStateDict(stateDict));
        long loaded = metadata.count(stateDict.metadata());
        buffers.forEach((kind, matrices) -> {
            for (int i = 0; i < params.length; i++) {
                if (loaded > 0) {
                    MatrixOps.copy(stateDict.get(kind + "." + params[i].name()).matrix(),
                            matrices[i]);
                } else {
                    MatrixOps.fill(matrices[i], 0);
                }
            }
        });
        this.learningRate = metadata.rate(stateDict.metadata());
        this.steps = loaded;
    }

    /**
     * The name, learning rate and fixed options:
     * {@code SGD(lr=0.1, momentum=0.9, ..., parameters=2)}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append("(lr=").append(learningRate);
        metadata.appendOptions(s);
        return s.append(", parameters=").append(params.length).append(')').toString();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Rejects null, empty and duplicated parameter lists. Duplicates are the same object twice,
     * two parameters with one name (state dicts are keyed by name), or two parameters sharing a
     * value matrix (as {@link Parameter#renamed} makes them), which would be stepped twice.
     */
    private static List<Parameter> checkParameters(String op, List<Parameter> list) {
        Objects.requireNonNull(list, op + ": params must not be null");
        if (list.isEmpty()) {
            throw new IllegalArgumentException(op + ": params must not be empty, got an empty"
                    + " list");
        }
        List<Parameter> copy = new ArrayList<>(list.size());
        Map<String, Integer> byName = new LinkedHashMap<>();
        Map<Matrix, Integer> byValue = new IdentityHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Parameter p = list.get(i);
            if (p == null) {
                throw new IllegalArgumentException(op + ": params must not contain null, got null"
                        + " at index " + i);
            }
            Integer seen = byValue.put(p.value(), i);
            if (seen != null) {
                Parameter first = copy.get(seen);
                String what = first == p ? "the same Parameter twice"
                        : "two parameters sharing one value matrix";
                throw new IllegalArgumentException(op + ": params must not contain " + what
                        + ", got " + first + " at index " + seen + " and " + p + " at index " + i);
            }
            seen = byName.put(p.name(), i);
            if (seen != null) {
                throw new IllegalArgumentException(op + ": params must have distinct names, got "
                        + copy.get(seen) + " at index " + seen + " and " + p + " at index " + i);
            }
            copy.add(p);
        }
        return Collections.unmodifiableList(copy);
    }
}
