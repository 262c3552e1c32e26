package io.github.backprop4j.core.state;

import java.util.List;

/**
 * A state dict that does not fit the object it is loaded into: missing names, unexpected names,
 * wrong shapes, or settings that differ. Every problem is found before anything is changed and
 * all of them are listed together, one per line of {@link #problems()}, for example
 * <pre>
 * Sequential.loadStateDict: state dict must match the model, got 3 problems:
 *   missing "4.bias" (shape [2]);
 *   unexpected "6.weight" (shape [2, 8]);
 *   "0.weight" must have shape [8, 3] (out×in), got [3, 8]
 * </pre>
 * (on one line in the message). The object it was loaded into is unchanged.
 *
 * <p>It is an {@link IllegalArgumentException}: the state passed in does not fit.
 */
public final class StateDictException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problems, in the order they were found. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param op       the operation and what the state must match, for example
     *                 {@code "Sequential.loadStateDict: state dict must match the model"}
     * @param problems one message per problem; at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public StateDictException(String op, List<String> problems) {
        super(message(op, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String op, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("StateDictException: problems must not be empty,"
                    + " got none for " + op);
        }
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return op + ", got " + count + ": " + String.join("; ", problems);
    }

    /**
     * Each problem found, in the order found.
     *
     * @return an unmodifiable list of messages
     */
    public List<String> problems() {
        return problems;
    }
}
