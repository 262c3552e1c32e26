package io.github.backprop4j.examples;

/**
 * A command stopped by a problem in what it was given, which the user can fix: a file that is
 * missing, a checkpoint that does not fit the example's network, a CSV file without a column
 * the example needs. The launcher prints its message as one {@code error:} line and exits with
 * status 1, without a stack trace.
 */
public final class ExampleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message fit for the user.
     *
     * @param message one line: what went wrong and, where possible, what to do
     */
    public ExampleException(String message) {
        super(message);
    }

    /**
     * An exception with a message fit for the user and the exception behind it.
     *
     * @param message one line: what went wrong and, where possible, what to do
     * @param cause   the exception that was caught
     */
    public ExampleException(String message, Throwable cause) {
        super(message, cause);
    }
}
