package io.github.backprop4j.layers;

/**
 * The rule that a backward pass needs a forward pass first, written once for the layers and
 * losses of this package: {@link #forwardDone()} ends each forward, {@link #checkBackward()}
 * starts each backward.
 *
 * <pre>
 *   ReLU.backward: called before forward; call forward(input) first
 * </pre>
 */
final class ForwardGuard {

    /** {@code "ReLU.backward"}, built once: a backward pass must not allocate a string. */
    private final String backward;
    private final String forwardCall;
    private boolean forwardDone;

    /**
     * A guard for a layer, whose forward is {@code forward(input)}.
     *
     * @param owner the class named in the message, e.g. {@code "ReLU"}
     */
    ForwardGuard(String owner) {
        this(owner, "forward(input)");
    }

    /**
     * A guard whose message names another forward call.
     *
     * @param owner       the class named in the message, e.g. {@code "MSELoss"}
     * @param forwardCall the call to make first, e.g. {@code "forward(prediction, target)"}
     */
    ForwardGuard(String owner, String forwardCall) {
        this.backward = owner + ".backward";
        this.forwardCall = forwardCall;
    }

    /** Records that a forward pass has run, so that backward may follow. */
    void forwardDone() {
        forwardDone = true;
    }

    /**
     * Checks that a forward pass has run.
     *
     * @throws IllegalStateException if none has, saying which call to make first
     */
    void checkBackward() {
        if (!forwardDone) {
            throw new IllegalStateException(backward + ": called before forward; call "
                    + forwardCall + " first");
        }
    }

    /**
     * The operation that messages about a backward pass name.
     *
     * @return for example {@code "ReLU.backward"}
     */
    String backward() {
        return backward;
    }
}
