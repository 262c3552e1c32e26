package io.github.backprop4j.optim;

import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.StateDictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a learning-rate schedule does besides its formula: the optimizer it drives, the base
 * rate, the epoch count, fixed options, and state dicts that resume a schedule exactly. A
 * subclass is its formula, {@link #learningRate(long, double)}: {@link ExponentialLR} is the
 * whole pattern, a constructor that passes its name up and declares its options, and one line
 * of formula,
 * <pre>{@code
 * public ExponentialLR(Optimizer optimizer, double gamma) {
 *     super("ExponentialLR", optimizer);
 *     this.gamma = option("gamma", gamma, Range.positive());
 * }
 *
 * protected double learningRate(long epoch, double current) {
 *     return current * gamma;                                  // lr ← lr·γ
 * }
 * }</pre>
 *
 * <h2>Chainable, as PyTorch computes it</h2>
 * PyTorch's schedules compute each epoch's rate from the optimizer's current rate (their
 * {@code get_lr}), not from a closed form in the epoch: StepLR multiplies the current rate by γ
 * every {@code stepSize} epochs, rather than computing {@code base·γ^⌊epoch/stepSize⌋}. The two
 * agree to rounding, but only the chainable form gives PyTorch's numbers bit for bit, so it is
 * the one used here: {@link #step()} counts the epoch and sets
 * {@code lr ← learningRate(epoch, lr)}. A learning rate set by hand between epochs is therefore
 * carried on by the schedule, as in PyTorch.
 *
 * <h2>The state dict</h2>
 * <pre>
 *   tensors    none
 *   metadata   type         the name in lower case ("steplr")
 *              base_lr      the optimizer's rate when the schedule was created (restored)
 *              each fixed option, under its name in snake case (stepSize → step_size);
 *                           a loaded state must hold the same values
 *              last_epoch   how many epochs have ended (restored)
 * </pre>
 * The optimizer's current rate is in the optimizer's own state dict; save both to resume. Loading
 * is all or nothing, as for optimizers: {@link #checkStateDict} lists every problem and
 * {@link #loadStateDict} throws them together before anything changes.
 *
 * <p>{@code docs/optimizers.md#schedules} explains the chainable form and derives the cosine's.
 */
public abstract class AbstractLRScheduler implements LRScheduler {

    private static final String BASE_LR = "base_lr";
    private static final String LAST_EPOCH = "last_epoch";

    private final String name;
    private final Optimizer optimizer;
    private final StateMetadata metadata;
    private double baseLearningRate;
    private long epoch;

    /**
     * Takes the optimizer and its current learning rate as the base rate, at epoch 0.
     *
     * @param name      the schedule's name in messages ({@code "StepLR"}); lower-cased, its
     *                  {@code type} in state dicts
     * @param optimizer the optimizer whose rate this schedule sets
     */
    protected AbstractLRScheduler(String name, Optimizer optimizer) {
        this.name = Objects.requireNonNull(name, "AbstractLRScheduler: name must not be null");
        this.optimizer = Objects.requireNonNull(optimizer, name + ": optimizer must not be null");
        this.metadata = new StateMetadata(name, "schedule", BASE_LR, LAST_EPOCH);
        this.baseLearningRate = optimizer.learningRate();
    }

    /**
     * Validates a fixed numeric option and records it for state dicts and {@link #toString()}.
     * Call from the constructor; the order of the calls is the order in the state dict.
     *
     * @param optionName the option as the constructor's parameter is spelled: {@code "gamma"}
     * @param value      its value
     * @param range      the values it may take
     * @return {@code value}
     * @throws IllegalArgumentException {@code ExponentialLR: gamma must be finite and > 0, got 0.0}
     */
    protected final double option(String optionName, double value, Range range) {
        return metadata.option(optionName, value, range);
    }

    /**
     * Validates a fixed whole-number option, such as a period in epochs, and records it as
     * {@link #option(String, double, Range)} does.
     *
     * @param optionName the option, for example {@code "stepSize"}
     * @param value      its value
     * @param least      the least value allowed
     * @return {@code value}
     * @throws IllegalArgumentException {@code StepLR: stepSize must be >= 1, got 0}
     */
    protected final int option(String optionName, int value, int least) {
        return metadata.option(optionName, value, least);
    }

    /**
     * Ends an epoch: counts it, then sets the optimizer's learning rate to
     * {@code learningRate(epoch, current rate)}. Allocates nothing.
     */
    @Override
    public final void step() {
        long next = epoch + 1;
        optimizer.setLearningRate(learningRate(next, optimizer.learningRate()));
        epoch = next;
    }

    /**
     * The schedule's formula in PyTorch's chainable form: the rate of the epoch that follows
     * {@code epoch} ended epochs, from the rate of the one before.
     *
     * @param epoch   the epochs ended so far, this one included: 1 after the first epoch
     * @param current the optimizer's learning rate during the epoch that just ended
     * @return the learning rate for the next epoch, finite and {@code >= 0}
     */
    protected abstract double learningRate(long epoch, double current);

    @Override
    public final long epoch() {
        return epoch;
    }

    @Override
    public final Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The optimizer's learning rate when this schedule was created, or the one a loaded state
     * holds: PyTorch's {@code base_lrs}, which the cosine schedule climbs back towards.
     *
     * @return the base rate
     */
    public final double baseLearningRate() {
        return baseLearningRate;
    }

    // ---------------------------------------------------------------- state dicts

    /**
     * The state as described in the class comment: metadata only.
     *
     * @return a new state dict
     */
    @Override
    public final StateDict stateDict() {
        return metadata.write(StateDict.builder(), baseLearningRate, epoch).build();
    }

    /**
     * Every reason {@code stateDict} does not fit this schedule, in the order type, base_lr,
     * fixed options, last_epoch, then any tensor (a schedule has none); changes nothing.
     *
     * @param stateDict a state as {@link #stateDict()} makes it
     * @return one message per problem; empty if it loads
     */
    @Override
    public final List<String> checkStateDict(StateDict stateDict) {
        Objects.requireNonNull(stateDict, name + ".checkStateDict: stateDict must not be null");
        List<String> problems = new ArrayList<>();
        metadata.check(stateDict.metadata(), problems);
        stateDict.tensors().forEach((tensor, t) -> problems.add(
                StateMetadata.unexpected(tensor, t)));
        return problems;
    }

    /**
     * Restores a state taken by {@link #stateDict()}, all or nothing: the base rate and the
     * epoch count. The optimizer's rate is restored by loading the optimizer's state.
     *
     * @param stateDict a state that {@link #checkStateDict} accepts
     * @throws StateDictException listing every problem; this schedule is then unchanged
     */
    @Override
    public final void loadStateDict(StateDict stateDict) {
        metadata.refuseIfAny(checkStateDict(stateDict));
        this.baseLearningRate = metadata.rate(stateDict.metadata());
        this.epoch = metadata.count(stateDict.metadata());
    }

    /**
     * The name, base rate, options and epoch:
     * {@code StepLR(baseLr=0.1, stepSize=30, gamma=0.1, epoch=2)}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append("(baseLr=").append(baseLearningRate);
        metadata.appendOptions(s);
        return s.append(", epoch=").append(epoch).append(')').toString();
    }
}
