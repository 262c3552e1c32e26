package io.github.backprop4j.core.state;

import io.github.backprop4j.core.Matrix;
import java.util.List;

/**
 * An object whose state can be taken as a {@link StateDict} and put back from one: a model
 * (its parameters) or an optimizer (its buffers and counters). What PyTorch calls
 * {@code state_dict()} and {@code load_state_dict(...)}.
 *
 * <p>The contract:
 * <ul>
 *   <li>{@link #stateDict()} is a snapshot: its matrices are copies, so training may go on while
 *       the snapshot is written;</li>
 *   <li>{@link #checkStateDict} changes nothing and lists every reason the state would be
 *       refused (empty when it would load);</li>
 *   <li>{@link #loadStateDict} is all-or-nothing: it checks everything first, throws a
 *       {@link StateDictException} listing every problem at once and leaves the object as it
 *       was, or copies the values in. Loading the snapshot of an object into an object built the
 *       same way makes the two behave identically.</li>
 * </ul>
 * The two steps are separate so that a checkpoint ({@code Checkpoint} in {@code backprop4j-io})
 * holding a model and an optimizer can
 * check both before changing either.
 *
 * <p><b>Per-parameter state of an optimizer</b> (a momentum buffer, say) is named
 * {@code <kind>.<parameter name>}, for example {@code momentum_buffer.0.weight}, and has the
 * shape of the parameter's {@link io.github.backprop4j.core.Parameter#value()}. A model may store
 * a parameter differently in its files (a {@code Linear} weight is stored transposed, as PyTorch
 * stores it); {@link #toFileLayout} and {@link #fromFileLayout} tell a checkpoint how, so
 * that in a checkpoint every buffer has the shape of its parameter's tensor.
 */
public interface Stateful {

    /**
     * A snapshot of the state.
     *
     * @return a new file of copied tensors, with any metadata the state needs
     */
    StateDict stateDict();

    /**
     * Every reason {@code stateDict} would be refused by {@link #loadStateDict}; changes nothing.
     *
     * @param stateDict a state, typically read from a file
     * @return one message per problem, in a stable order; empty if the state loads
     */
    List<String> checkStateDict(StateDict stateDict);

    /**
     * Replaces the state with {@code stateDict}, all or nothing.
     *
     * @param stateDict a state that {@link #checkStateDict} accepts; its matrices are copied
     * @throws StateDictException listing every problem, with this object unchanged
     */
    void loadStateDict(StateDict stateDict);

    /**
     * How a matrix shaped like the parameter {@code parameterName} is stored in this object's
     * state dict. The default stores it as it is, a rank-2 tensor.
     *
     * @param parameterName a name as in the state dict, for example {@code "0.weight"}
     * @param value         a matrix of the parameter's shape; not modified
     * @return a tensor holding a copy of the values in file layout
     */
    default Tensor toFileLayout(String parameterName, Matrix value) {
        return Tensor.of(value.copy());
    }

    /**
     * The inverse of {@link #toFileLayout}: a tensor in file layout back in the parameter's
     * layout. It does not check shapes; whoever receives the matrix does. The default returns
     * the tensor's matrix as it is.
     *
     * @param parameterName a name as in the state dict
     * @param tensor        a tensor in file layout; not modified
     * @return the values in the parameter's layout (possibly the tensor's own matrix)
     */
    default Matrix fromFileLayout(String parameterName, Tensor tensor) {
        return tensor.matrix();
    }
}
