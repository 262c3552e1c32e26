package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A differentiable function of a batch, {@code Y = f(X)}, with its own backward pass.
 *
 * <p>A batch is a matrix with one sample per row: the input is (m×k) and the output (m×n) for m
 * samples. {@link #forward} computes Y and keeps what {@link #backward} needs; {@code backward}
 * receives G = ∂L/∂Y, adds ∂L/∂θ into the {@link Parameter#grad() grad} of every parameter θ and
 * returns ∂L/∂X. A training step is these calls and nothing else:
 * <pre>{@code
 * optimizer.zeroGrad();
 * double l = loss.forward(model.forward(x), y);
 * model.backward(loss.backward());
 * optimizer.step();
 * }</pre>
 *
 * <p><b>Writing a layer.</b> Implement {@code forward}, {@code backward} and
 * {@code parameters}; the layer then works in a {@link Sequential}, in {@link GradientCheck},
 * in {@link Sequential#summary(int)} (which shows its {@code toString()}, or its class's simple
 * name where it keeps {@code Object}'s), in state dicts and in checkpoints. Everything else a
 * layer may say about itself has a default here that it may override: {@link #outputWidth},
 * {@link #kinkSides}, {@link #predict(Matrix, Matrix)} (to let threads run its inference in
 * parallel), {@link #operators()} (what it computes, in standard operators, for export); and a parameter carries its own
 * {@linkplain Parameter#layout() layout in a state dict}. A parameterless layer whose output has
 * its input's shape can extend {@link Activation} and write only its two loops.
 *
 * <p><b>Ownership.</b> The matrices that {@code forward} and {@code backward} return belong to the
 * layer: they are its workspace buffers, and the next call overwrites them. This is what lets a
 * training step run without allocating once the batch size is stable. Call
 * {@link Matrix#copy()} to keep a result, or use {@link Sequential#predict(Matrix)}.
 *
 * <p><b>The input is kept, not copied.</b> As in PyTorch, a layer may keep a reference to its
 * input for backward instead of a copy: do not modify the input between {@code forward} and
 * {@code backward}.
 *
 * <p><b>Gradients only where needed.</b> {@code backward} may return {@code null} instead of
 * ∂L/∂X when the input of the latest forward does not {@linkplain Matrix#requiresGrad() require
 * grad}: a batch of data needs no gradient, as {@code x.grad} stays {@code None} in PyTorch
 * ({@link Linear} then skips its product G·Wᵀ). A layer sets the flag on its output when the
 * output depends on something that requires grad: a parameter, or an input that does.
 *
 * <p><b>Order.</b> {@code backward} needs the values cached by the latest {@code forward};
 * calling it first throws {@link IllegalStateException}. {@code backward} may be called more than
 * once after one {@code forward}: each call adds into the gradients again, which accumulate until
 * {@link #zeroGrad()}, as in PyTorch.
 *
 * <p><b>Inference.</b> {@link #predict(Matrix, Matrix)} is the inference path: it computes the
 * output into a matrix the caller supplies, leaving the layer's buffers and what forward keeps
 * for backward alone, so that any number of threads may run it at once. It has a default, so a
 * new layer need not write it: the default runs {@code forward} under the layer's lock and copies
 * the result, correct but taking turns. {@link Linear}, every {@link Activation} and
 * {@link Sequential} override it and run in parallel.
 *
 * <p><b>Threads.</b> Training is single-threaded: one thread drives forward, backward and the
 * optimizer's step, since these write the layer's own buffers and gradients. Inference through
 * {@link #predict(Matrix, Matrix)} (or {@link Sequential#predict(Matrix)}) may come from any
 * number of threads at once, each with its own batch size, and gives what one thread would, bit
 * for bit. Do not train a model while other threads predict with it: their results would mix
 * old and new weights.
 */
public interface Layer {

    /**
     * Computes the output for a batch and keeps what {@link #backward} needs.
     *
     * @param input X, (m×k), one sample per row. Not modified, and not to be modified before the
     *     matching {@code backward}.
     * @return Y, (m×n). Owned by this layer and overwritten by the next call to {@code forward}:
     *     copy it to keep it.
     * @throws IllegalArgumentException if the input has the wrong number of columns
     */
    Matrix forward(Matrix input);

    /**
     * Adds ∂L/∂θ into the gradient of each parameter θ and returns ∂L/∂X.
     *
     * @param gradOutput G = ∂L/∂Y, of the shape of the latest output. Not modified.
     * @return ∂L/∂X, of the shape of the latest input, owned by this layer and overwritten by
     *     the next call to {@code backward}; or {@code null} if that input does not
     *     {@linkplain Matrix#requiresGrad() require grad} and the layer skipped it
     * @throws IllegalStateException    if no {@code forward} came first
     * @throws IllegalArgumentException if {@code gradOutput} does not have the output's shape
     */
    Matrix backward(Matrix gradOutput);

    /**
     * The trainable parameters, in a fixed order.
     *
     * @return the live parameters (their values and gradients are not copies); empty for a layer
     *     without parameters
     */
    List<Parameter> parameters();

    /**
     * The inference path: computes the output for {@code input} into {@code out}, the same
     * values, bit for bit, as {@link #forward}, without writing this layer's buffers or what
     * {@code forward} keeps for {@link #backward}. {@link Sequential#predict(Matrix)} calls it,
     * from any number of threads at once.
     *
     * <p>The default is correct for any layer, but serial and not free of side effects: it runs
     * {@code forward} while holding this layer's lock, then copies the result into {@code out}.
     * Concurrent calls therefore take turns, and the call replaces what forward kept for
     * backward, so do not call it between a {@code forward} and its {@code backward}. A layer
     * whose forward can write into a caller's matrix overrides it, as {@link Linear} does:
     * <pre>{@code
     * public void predict(Matrix input, Matrix out) {
     *     MatrixOps.mult(input, weight.value(), out);     // Y  = X·W
     *     MatrixOps.addRow(out, bias.value(), out);        // Y += 1·b
     * }
     * }</pre>
     * An override reads its parameters and {@code input} and writes {@code out}, nothing else.
     *
     * @param input X, (m×k). Not modified.
     * @param out   reshaped to the output's shape (m×n) and overwritten; not {@code input}. Its
     *     {@linkplain Matrix#requiresGrad() requiresGrad} flag is left as it is.
     * @throws IllegalArgumentException if the input has the wrong number of columns
     */
    default void predict(Matrix input, Matrix out) {
        synchronized (this) {
            MatrixOps.copy(forward(input), out);
        }
    }

    /**
     * The number of output columns for a given number of input columns, without computing
     * anything; used by {@link Sequential#summary(int)}.
     *
     * <p>The default suits layers that keep the width (element-wise and row-wise functions such
     * as {@link ReLU} and {@link Softmax}); layers that change it override this.
     *
     * @param inputWidth k, the number of input columns
     * @return n, the number of output columns
     * @throws IllegalArgumentException if the layer cannot take that width
     */
    default int outputWidth(int inputWidth) {
        return inputWidth;
    }

    /**
     * Reports on which side of its kinks each value of the latest forward lay, so that
     * {@link GradientCheck} can tell when a central difference straddled a kink (a point such as
     * 0 for ReLU, where the function has no derivative and a finite difference mixes two
     * slopes).
     *
     * <p>A layer with kinks passes one number per value to {@code sides}, in the same order on
     * every call: which piece of the function the value fell on (ReLU: 1 where X &gt; 0, else 0).
     * The check compares the reports of the unperturbed and the perturbed passes; any difference
     * means a kink was crossed. A layer made of other layers passes the call on to them.
     *
     * <p>The default reports nothing: a smooth layer has no kinks.
     *
     * @param sides receives one number per value of the latest forward that lies near a kink
     */
    default void kinkSides(IntConsumer sides) {
    }

    /**
     * This layer as a chain of standard {@linkplain Operator operators}, applied in order, so
     * that an exporter can write it in another framework's terms (an ONNX file, for example)
     * without testing its class. {@link Linear} is one {@link Operator.Type#GEMM}, each
     * activation of this package its function, and {@link Sequential} its layers' chains.
     *
     * <p>The default is an empty list: the layer does not say what it computes, and an exporter
     * refuses it, naming it. A layer of your own whose computation is made of these operators
     * may override this, for example an affine layer whose W and b are parameters:
     * {@code return List.of(Operator.gemm(weight, bias));}.
     *
     * @return the operators, with the layer's live parameters; empty if the layer has no
     *     description
     */
    default List<Operator> operators() {
        return List.of();
    }

    /**
     * Sets the gradient of every parameter to zero, allocating nothing (an indexed loop: no
     * iterator is created).
     */
    default void zeroGrad() {
        List<Parameter> params = parameters();
        for (int i = 0, n = params.size(); i < n; i++) {
            params.get(i).zeroGrad();
        }
    }
}
