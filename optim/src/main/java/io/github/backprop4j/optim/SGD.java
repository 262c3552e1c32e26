package io.github.backprop4j.optim;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Shapes;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov momentum and weight decay,
 * following {@code torch.optim.SGD} step for step.
 *
 * <p>For each parameter θ with gradient ∂L/∂θ, learning rate lr, momentum μ, dampening τ and
 * weight decay λ, one {@link #step()} computes:
 * <pre>
 *   g ← ∂L/∂θ + λ·θ                        weight decay (skipped when λ = 0)
 *   if μ ≠ 0:
 *       b ← g                  on the first step
 *       b ← μ·b + (1 − τ)·g    on every later step
 *       update ← g + μ·b       with Nesterov
 *       update ← b             without
 *   else:
 *       update ← g
 *   θ ← θ − lr·update
 * </pre>
 * Note the first step: the momentum buffer b starts as the first gradient itself, not as
 * (1 − τ)·g, so dampening has no effect until the second step. This is PyTorch's rule.
 *
 * <p><b>Where this differs from the textbook form.</b> Many texts keep the learning rate inside
 * the velocity: {@code v ← μ·v − lr·g; θ ← θ + v}. With a constant learning rate the two agree
 * ({@code v = −lr·b} at every step). They part ways as soon as the learning rate changes, as it
 * does under a schedule: here the whole accumulated buffer b is multiplied by the <i>new</i>
 * learning rate, while the textbook velocity keeps the old learning rates baked into its past
 * terms. Use {@link #setLearningRate} between steps to change it.
 *
 * <p><b>Buffers.</b> The momentum buffers (one per parameter, of the parameter's shape) are
 * allocated here, at construction. {@link #step()} allocates nothing: it applies the whole rule
 * to one entry at a time, so that each array is read and written once per step. (As three
 * whole-matrix operations, {@code b ← μ·b}, {@code b += g}, {@code θ −= lr·b}, the same rule
 * took 990 µs instead of 600 µs on the 670,000 parameters of a 784→512→512→10 network, whose
 * arrays do not fit in the cache.) The results are the same to the bit: Java evaluates each
 * expression with the same roundings either way.
 *
 * <p><b>Checkpoints.</b> {@link #state()} takes a copy of everything a step depends on besides
 * the constructor's hyperparameters (the step count, the learning rate and the momentum
 * buffers); {@link #loadState(State)} puts it back, so that training resumes bit for bit.
 * {@link #stateDict()} and {@link #loadStateDict} do the same through a {@link StateDict}, the
 * form a {@link io.github.backprop4j.io.Checkpoint} saves.
 *
 * <p>Construct with {@link #SGD(List, double)} for plain SGD, or with the builder:
 * <pre>{@code
 * Optimizer sgd = SGD.builder(model.parameters())
 *         .learningRate(0.05).momentum(0.9).weightDecay(1e-4)
 *         .build();
 * }</pre>
 */
public final class SGD implements Optimizer, Stateful {

    /** The prefix of a momentum buffer's name in a state dict, before the parameter's name. */
    public static final String MOMENTUM_BUFFER = "momentum_buffer.";

    private final List<Parameter> parameters;
    /** The same parameters as an array, so that step() loops without an iterator. */
    private final Parameter[] params;
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    /** Momentum buffers b, one per parameter; {@code null} when momentum is 0. */
    private final Matrix[] momentumBuffers;

    private double learningRate;
    private long steps;
    /** Whether the momentum buffers hold b, that is whether the first momentum step happened. */
    private boolean momentumStarted;

    /**
     * Plain SGD: {@code θ ← θ − lr·∂L/∂θ}.
     *
     * @param params       the parameters to update; not empty, no duplicates (same object, same
     *                     name or same value matrix)
     * @param learningRate lr, finite and {@code > 0}
     * @throws IllegalArgumentException if an argument is invalid; the message says which
     */
    public SGD(List<Parameter> params, double learningRate) {
        this(builder(params).learningRate(learningRate));
    }

    private SGD(Builder b) {
        this.parameters = checkParameters(b.params);
        this.params = parameters.toArray(new Parameter[0]);
        checkLearningRate("SGD", b.learningRate);
        if (!(b.momentum >= 0) || !Double.isFinite(b.momentum)) {
            throw new IllegalArgumentException("SGD: momentum must be finite and >= 0, got "
                    + b.momentum);
        }
        if (!(b.dampening >= 0 && b.dampening <= 1)) {
            throw new IllegalArgumentException("SGD: dampening must be in [0, 1], got "
                    + b.dampening);
        }
        if (!(b.weightDecay >= 0) || !Double.isFinite(b.weightDecay)) {
            throw new IllegalArgumentException("SGD: weightDecay must be finite and >= 0, got "
                    + b.weightDecay);
        }
        if (b.nesterov && (b.momentum == 0 || b.dampening != 0)) {
            throw new IllegalArgumentException("SGD: nesterov requires momentum > 0 and"
                    + " dampening = 0, got momentum=" + b.momentum + ", dampening=" + b.dampening);
        }
        this.learningRate = b.learningRate;
        this.momentum = b.momentum;
        this.dampening = b.dampening;
        this.nesterov = b.nesterov;
        this.weightDecay = b.weightDecay;
        this.momentumBuffers = momentum != 0 ? zerosLike(params) : null;
    }

    /**
     * A builder for SGD with options; every option but the learning rate has PyTorch's default
     * (momentum 0, dampening 0, no Nesterov, weight decay 0).
     *
     * @param params the parameters to update
     * @return a new builder
     */
    public static Builder builder(List<Parameter> params) {
        return new Builder(params);
    }

    // ---------------------------------------------------------------- the step

    /**
     * Updates every parameter once by the rule in the class comment. Allocates nothing.
     */
    @Override
    public void step() {
        for (int i = 0; i < params.length; i++) {
            double[] theta = params[i].value().unwrap().data;
            double[] grad = params[i].grad().unwrap().data;
            double[] b = momentum != 0 ? momentumBuffers[i].unwrap().data : null;
            for (int k = 0, n = params[i].value().size(); k < n; k++) {
                double g = grad[k];
                if (weightDecay != 0) {
                    g += weightDecay * theta[k];                          // g ← ∂L/∂θ + λ·θ
                }
                double update = g;
                if (momentum != 0) {
                    b[k] = momentumStarted
                            ? momentum * b[k] + (1 - dampening) * g       // b ← μ·b + (1 − τ)·g
                            : g;                                          // b ← g, the first time
                    update = nesterov ? g + momentum * b[k] : b[k];       // g + μ·b, or b
                }
                theta[k] -= learningRate * update;                        // θ ← θ − lr·update
            }
        }
        momentumStarted = momentum != 0;
        steps++;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    // ---------------------------------------------------------------- hyperparameters

    /**
     * The learning rate the next {@link #step()} uses.
     *
     * @return lr
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Changes the learning rate for the following steps, as a schedule does. The momentum
     * buffers are left alone, so the whole accumulated buffer is scaled by the new rate (see the
     * class comment for how this differs from the textbook velocity form).
     *
     * @param learningRate the new lr, finite and {@code > 0}
     * @throws IllegalArgumentException if it is not
     */
    public void setLearningRate(double learningRate) {
        checkLearningRate("SGD.setLearningRate", learningRate);
        this.learningRate = learningRate;
    }

    /**
     * The momentum factor μ.
     *
     * @return μ, 0 for none
     */
    public double momentum() {
        return momentum;
    }

    /**
     * The dampening τ of the momentum buffer's update.
     *
     * @return τ in [0, 1]
     */
    public double dampening() {
        return dampening;
    }

    /**
     * Whether the Nesterov variant is used.
     *
     * @return {@code true} for {@code update = g + μ·b}
     */
    public boolean nesterov() {
        return nesterov;
    }

    /**
     * The weight decay λ (an L2 penalty ½λ‖θ‖² added to the loss, through its gradient λ·θ).
     *
     * @return λ, 0 for none
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * How many times {@link #step()} has run (counting the steps of a loaded state).
     *
     * @return the step count
     */
    public long steps() {
        return steps;
    }

    // ---------------------------------------------------------------- state

    /**
     * Copies of the momentum buffers, by parameter name, in parameter order.
     *
     * <p>Empty when momentum is 0 or before the first step (PyTorch creates its buffers at the
     * first step too). Allocates: not for the training loop.
     *
     * @return an unmodifiable map of new matrices
     */
    public Map<String, Matrix> momentumBuffers() {
        Map<String, Matrix> copies = new LinkedHashMap<>();
        if (momentumStarted) {
            for (int i = 0; i < params.length; i++) {
                copies.put(params[i].name(), momentumBuffers[i].copy());
            }
        }
        return Collections.unmodifiableMap(copies);
    }

    /**
     * A snapshot of the mutable state: step count, learning rate and momentum buffers (copied).
     *
     * @return a new state that later steps do not change
     */
    public State state() {
        return new State(steps, learningRate, momentumBuffers());
    }

    /**
     * Restores a state taken by {@link #state()} (or rebuilt from a file), so that the next
     * {@link #step()} is exactly the step that would have followed it.
     *
     * <p>Everything is checked before anything changes, so a rejected state leaves this
     * optimizer as it was. The buffers are copied into this optimizer's own buffers.
     *
     * @param state the state to restore
     * @throws IllegalArgumentException if the state does not fit this optimizer: buffers present
     *         without momentum, buffers missing after the first step (or present before it),
     *         unknown or missing parameter names, or wrong shapes
     */
    public void loadState(State state) {
        Objects.requireNonNull(state, "SGD.loadState: state must not be null");
        checkLearningRate("SGD.loadState", state.learningRate());
        Map<String, Matrix> buffers = state.buffers;
        boolean started = !buffers.isEmpty();
        if (started && momentum == 0) {
            throw new IllegalArgumentException("SGD.loadState: momentumBuffers must be empty"
                    + " because momentum is 0, got " + buffers.size() + " buffers");
        }
        if (momentum != 0 && started != (state.steps() > 0)) {
            throw new IllegalArgumentException("SGD.loadState: momentumBuffers must hold one"
                    + " buffer per parameter after the first step and none before it, got "
                    + buffers.size() + " buffers after " + state.steps() + " steps");
        }
        if (started) {
            if (buffers.size() != params.length) {
                throw new IllegalArgumentException("SGD.loadState: momentumBuffers must hold "
                        + params.length + " buffers (one per parameter), got " + buffers.size()
                        + " for " + buffers.keySet());
            }
            for (Parameter p : params) {
                Matrix b = buffers.get(p.name());
                if (b == null) {
                    throw new IllegalArgumentException("SGD.loadState: momentumBuffers must hold"
                            + " a buffer for parameter \"" + p.name() + "\", got only "
                            + buffers.keySet());
                }
                Shapes.checkSameShape("SGD.loadState", "momentum buffer \"" + p.name() + "\"", b,
                        "parameter", p.value());
            }
            for (int i = 0; i < params.length; i++) {
                MatrixOps.copy(buffers.get(params[i].name()), momentumBuffers[i]);
            }
        }
        this.steps = state.steps();
        this.learningRate = state.learningRate();
        this.momentumStarted = started;
    }

    // ---------------------------------------------------------------- state dicts

    /**
     * The state as a tensor file: the momentum buffers (copied) and, as metadata, the
     * hyperparameters and the step count, each as text that parses back to the same value.
     *
     * <pre>
     *   tensors    momentum_buffer.&lt;parameter name&gt;    the parameter's shape; none when
     *                                                momentum is 0 or before the first step
     *   metadata   type = sgd, lr, momentum, dampening, nesterov (true/false), weight_decay,
     *              steps
     * </pre>
     * The names follow PyTorch's ({@code momentum_buffer}, {@code lr}, {@code weight_decay}).
     *
     * @return a new file
     */
    @Override
    public StateDict stateDict() {
        StateDict.Builder b = StateDict.builder();
        momentumBuffers().forEach((name, buffer) ->
                b.put(MOMENTUM_BUFFER + name, Tensor.of(buffer)));
        return b.metadata("type", "sgd")
                .metadata("lr", Double.toString(learningRate))
                .metadata("momentum", Double.toString(momentum))
                .metadata("dampening", Double.toString(dampening))
                .metadata("nesterov", Boolean.toString(nesterov))
                .metadata("weight_decay", Double.toString(weightDecay))
                .metadata("steps", Long.toString(steps))
                .build();
    }

    /**
     * Every reason {@code stateDict} does not fit this optimizer; changes nothing. The fixed
     * options (momentum, dampening, nesterov, weight_decay) must equal this optimizer's, since
     * resuming with other ones would not continue the same run; the learning rate and the step
     * count are restored, and may be anything valid.
     *
     * @param stateDict a state as {@link #stateDict()} makes it
     * @return one message per problem; empty if it loads
     */
    @Override
    public List<String> checkStateDict(StateDict stateDict) {
        Objects.requireNonNull(stateDict, "SGD.checkStateDict: stateDict must not be null");
        List<String> problems = new ArrayList<>();
        Map<String, String> meta = stateDict.metadata();
        String type = meta.get("type");
        if (!"sgd".equals(type)) {
            problems.add("\"type\" must be \"sgd\", got " + quoted(type));
        }
        checkOption(meta, "momentum", momentum, problems);
        checkOption(meta, "dampening", dampening, problems);
        checkOption(meta, "weight_decay", weightDecay, problems);
        String nesterovText = meta.get("nesterov");
        if (!Boolean.toString(nesterov).equals(nesterovText)) {
            problems.add("\"nesterov\" must be " + nesterov + " as this optimizer was built, got "
                    + quoted(nesterovText));
        }
        double lr = parseDouble(meta.get("lr"));
        if (!(lr > 0) || !Double.isFinite(lr)) {
            problems.add("\"lr\" must be a finite number > 0, got " + quoted(meta.get("lr")));
        }
        long stepCount = parseSteps(meta.get("steps"));
        if (stepCount < 0) {
            problems.add("\"steps\" must be a whole number >= 0, got " + quoted(meta.get("steps")));
        }
        checkBuffers(stateDict, stepCount, problems);
        return problems;
    }

    /** Names, presence and shapes of the momentum buffers. */
    private void checkBuffers(StateDict stateDict, long stepCount, List<String> problems) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : params) {
            byName.put(MOMENTUM_BUFFER + p.name(), p);
        }
        int buffers = 0;
        for (Map.Entry<String, Tensor> e : stateDict.tensors().entrySet()) {
            Parameter p = byName.get(e.getKey());
            if (p == null) {
                problems.add("unexpected \"" + e.getKey() + "\" (shape "
                        + e.getValue().shapeString() + ")");
                continue;
            }
            buffers++;
            Matrix b = e.getValue().matrix();
            if (b.rows() != p.value().rows() || b.cols() != p.value().cols()) {
                problems.add("\"" + e.getKey() + "\" must have its parameter's shape "
                        + Shapes.shape(p.value()) + ", got " + Shapes.shape(b));
            }
        }
        boolean expected = momentum != 0 && stepCount > 0;
        if (buffers > 0 && momentum == 0) {
            problems.add("momentum buffers must be absent because momentum is 0, got " + buffers);
        } else if (momentum != 0 && stepCount >= 0 && buffers > 0 != expected) {
            problems.add("momentum buffers must be present after the first step and absent before"
                    + " it, got " + buffers + " after " + stepCount + " steps");
        }
        if (expected && buffers > 0) {
            for (Map.Entry<String, Parameter> e : byName.entrySet()) {
                if (!stateDict.contains(e.getKey())) {
                    problems.add("missing \"" + e.getKey() + "\" (shape "
                            + Shapes.shape(e.getValue().value()) + ")");
                }
            }
        }
    }

    /**
     * Restores a state taken by {@link #stateDict()}, all or nothing: the step count, the
     * learning rate and the momentum buffers (copied), so that the next {@link #step()} is the
     * one that would have followed.
     *
     * @param stateDict a state that {@link #checkStateDict} accepts
     * @throws StateDictException listing every problem; this optimizer is then unchanged
     */
    @Override
    public void loadStateDict(StateDict stateDict) {
        List<String> problems = checkStateDict(stateDict);
        if (!problems.isEmpty()) {
            throw new StateDictException("SGD.loadStateDict: state dict must match this optimizer",
                    problems);
        }
        Map<String, Matrix> buffers = new LinkedHashMap<>();
        stateDict.tensors().forEach((name, t) ->
                buffers.put(name.substring(MOMENTUM_BUFFER.length()), t.matrix()));
        Map<String, String> meta = stateDict.metadata();
        loadState(new State(Long.parseLong(meta.get("steps")), Double.parseDouble(meta.get("lr")),
                buffers));
    }

    private static void checkOption(Map<String, String> meta, String key, double mine,
                                    List<String> problems) {
        double theirs = parseDouble(meta.get(key));
        if (!(theirs == mine)) {   // also true for NaN: a missing or malformed value
            problems.add("\"" + key + "\" must be " + mine + " as this optimizer was built, got "
                    + quoted(meta.get(key)));
        }
    }

    /** The number, or NaN if the text is missing or not a number. */
    private static double parseDouble(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The step count, or -1 if the text is missing or not a whole number >= 0. */
    private static long parseSteps(String text) {
        try {
            return text == null ? -1 : Math.max(-1, Long.parseLong(text));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "\"" + text + "\"";
    }

    /** Structure and hyperparameters: {@code SGD(lr=0.1, momentum=0.9, ..., parameters=2)}. */
    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ", momentum=" + momentum + ", dampening=" + dampening
                + ", nesterov=" + nesterov + ", weightDecay=" + weightDecay + ", parameters="
                + params.length + ")";
    }

    // ---------------------------------------------------------------- validation helpers

    private static void checkLearningRate(String op, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException(op + ": learningRate must be finite and > 0, got "
                    + lr);
        }
    }

    /**
     * Rejects null, empty and duplicated parameter lists. Duplicates are the same object twice,
     * two parameters with one name (state files are keyed by name), or two parameters sharing a
     * value matrix (as {@link Parameter#renamed} makes them), which would be stepped twice.
     */
    private static List<Parameter> checkParameters(List<Parameter> list) {
        Objects.requireNonNull(list, "SGD: params must not be null");
        if (list.isEmpty()) {
            throw new IllegalArgumentException("SGD: params must not be empty, got an empty list");
        }
        List<Parameter> copy = new ArrayList<>(list.size());
        Map<String, Integer> byName = new LinkedHashMap<>();
        Map<Matrix, Integer> byValue = new IdentityHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Parameter p = list.get(i);
            if (p == null) {
                throw new IllegalArgumentException("SGD: params must not contain null, got null"
                        + " at index " + i);
            }
            Integer seen = byValue.put(p.value(), i);
            if (seen != null) {
                Parameter first = copy.get(seen);
                String what = first == p ? "the same Parameter twice" : "two parameters sharing"
                        + " one value matrix";
                throw new IllegalArgumentException("SGD: params must not contain " + what
                        + ", got " + first + " at index " + seen + " and " + p + " at index " + i);
            }
            seen = byName.put(p.name(), i);
            if (seen != null) {
                throw new IllegalArgumentException("SGD: params must have distinct names, got "
                        + copy.get(seen) + " at index " + seen + " and " + p + " at index " + i);
            }
            copy.add(p);
        }
        return Collections.unmodifiableList(copy);
    }

    private static Matrix[] zerosLike(Parameter[] params) {
        Matrix[] out = new Matrix[params.length];
        for (int i = 0; i < params.length; i++) {
            out[i] = Matrix.zeros(params[i].value().rows(), params[i].value().cols());
        }
        return out;
    }

    // ---------------------------------------------------------------- nested types

    /**
     * Collects SGD's options; {@link #build()} validates them all. Each setter returns this
     * builder. Unset options keep PyTorch's defaults: momentum 0, dampening 0, no Nesterov,
     * weight decay 0. The learning rate has no default and must be set.
     */
    public static final class Builder {

        private final List<Parameter> params;
        private double learningRate = Double.NaN;
        private boolean learningRateSet;
        private double momentum;
        private double dampening;
        private boolean nesterov;
        private double weightDecay;

        private Builder(List<Parameter> params) {
            this.params = params;
        }

        /**
         * Sets the learning rate lr (required).
         *
         * @param learningRate finite and {@code > 0}
         * @return this builder
         */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            this.learningRateSet = true;
            return this;
        }

        /**
         * Sets the momentum factor μ.
         *
         * @param momentum finite and {@code >= 0}; 0 (the default) turns momentum off
         * @return this builder
         */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * Sets the dampening τ of the momentum update {@code b ← μ·b + (1 − τ)·g}.
         *
         * @param dampening in [0, 1]; the default is 0
         * @return this builder
         */
        public Builder dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        /**
         * Chooses the Nesterov variant {@code update = g + μ·b}.
         *
         * @param nesterov {@code true} for Nesterov; needs momentum {@code > 0} and dampening 0
         * @return this builder
         */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /**
         * Sets the weight decay λ, which adds λ·θ to each gradient.
         *
         * @param weightDecay finite and {@code >= 0}; the default is 0
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * Validates the options and creates the optimizer with its buffers.
         *
         * @return a new SGD
         * @throws IllegalStateException if the learning rate was never set
         * @throws IllegalArgumentException if an option or the parameter list is invalid
         */
        public SGD build() {
            if (!learningRateSet) {
                throw new IllegalStateException("SGD.Builder.build: learningRate must be set;"
                        + " call learningRate(double) before build()");
            }
            return new SGD(this);
        }
    }

    /**
     * What {@link SGD} remembers between steps, besides its fixed hyperparameters: the step
     * count, the current learning rate and the momentum buffers by parameter name.
     *
     * <p>The buffer map is empty when momentum is 0 or no step has been taken (the first
     * momentum step sets {@code b ← g} instead of updating b); otherwise it holds one buffer per
     * parameter. A state is immutable: the constructor copies the buffers, and
     * {@link #momentumBuffers()} returns copies.
     */
    public static final class State {

        private final long steps;
        private final double learningRate;
        private final Map<String, Matrix> buffers;

        /**
         * A state, for example one read back from a checkpoint file.
         *
         * @param steps           the number of steps taken, {@code >= 0}
         * @param learningRate    the learning rate of the next step
         * @param momentumBuffers buffers by parameter name; copied, not kept
         */
        public State(long steps, double learningRate, Map<String, Matrix> momentumBuffers) {
            if (steps < 0) {
                throw new IllegalArgumentException("SGD.State: steps must be >= 0, got " + steps);
            }
            Objects.requireNonNull(momentumBuffers, "SGD.State: momentumBuffers must not be null");
            Map<String, Matrix> copies = new LinkedHashMap<>();
            for (Map.Entry<String, Matrix> e : momentumBuffers.entrySet()) {
                Objects.requireNonNull(e.getKey(), "SGD.State: a buffer name must not be null");
                Objects.requireNonNull(e.getValue(), "SGD.State: buffer \"" + e.getKey()
                        + "\" must not be null");
                copies.put(e.getKey(), e.getValue().copy());
            }
            this.steps = steps;
            this.learningRate = learningRate;
            this.buffers = Collections.unmodifiableMap(copies);
        }

        /**
         * The number of steps taken.
         *
         * @return the step count
         */
        public long steps() {
            return steps;
        }

        /**
         * The learning rate of the next step.
         *
         * @return lr
         */
        public double learningRate() {
            return learningRate;
        }

        /**
         * Copies of the momentum buffers by parameter name, in parameter order.
         *
         * @return an unmodifiable map of new matrices; empty before the first momentum step
         */
        public Map<String, Matrix> momentumBuffers() {
            Map<String, Matrix> copies = new LinkedHashMap<>();
            buffers.forEach((name, b) -> copies.put(name, b.copy()));
            return Collections.unmodifiableMap(copies);
        }

        /** A summary: {@code SGD.State(steps=3, lr=0.1, buffers=[weight 3x1, bias 1x1])}. */
        @Override
        public String toString() {
            List<String> names = new ArrayList<>();
            buffers.forEach((name, b) -> names.add(name + " " + Shapes.shape(b)));
            return "SGD.State(steps=" + steps + ", lr=" + learningRate + ", buffers=" + names + ")";
        }
    }
}
