package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Layers applied one after another: Y = f_L(… f_2(f_1(X))); itself a {@link Layer}.
 *
 * <pre>
 *   forward:   A_0 = X,   A_l = f_l(A_(l−1)),   Y = A_L
 *   backward:  G_L = G,   G_(l−1) = backward_l(G_l) = ∂L/∂A_(l−1),   ∂L/∂X = G_0
 * </pre>
 * The chain rule is nothing more than this loop: each layer turns the gradient of its output
 * into the gradient of its input, and adds its own parameter gradients on the way.
 * Derivation and worked example: {@code docs/derivations.md#sequential}.
 *
 * <p>The parameters are the children's, in layer order, renamed after the layer's position as in
 * PyTorch: {@code 0.weight}, {@code 0.bias}, {@code 2.weight}. They share the children's
 * matrices, so an optimizer stepping them updates the children.
 *
 * <p>Its {@linkplain #stateDict() state dict} has PyTorch's names and layout, so that weights
 * move both ways between this class and {@code torch.nn.Sequential}; see
 * {@code docs/checkpoints.md}.
 */
public final class Sequential implements Layer, Stateful {

    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private boolean forwardDone;

    /**
     * A network of the given layers, applied in order.
     *
     * @param layers at least one layer
     * @throws IllegalArgumentException if there is no layer
     */
    public Sequential(Layer... layers) {
        Objects.requireNonNull(layers, "Sequential: layers must not be null");
        if (layers.length == 0) {
            throw new IllegalArgumentException("Sequential: layers must not be empty, got none");
        }
        this.layers = List.of(layers);
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            for (Parameter p : layers[i].parameters()) {
                all.add(p.renamed(i + "." + p.name()));
            }
        }
        this.parameters = List.copyOf(all);
    }

    /**
     * Runs the layers in order, each on the previous one's output.
     *
     * @param input X, (m×k). Not modified.
     * @return Y, the last layer's output. Owned by that layer and overwritten by the next call to
     *     {@code forward}; use {@link #predict} for a copy to keep.
     * @throws IllegalArgumentException if a layer rejects its input; the message names the
     *     layer's position and the layer's own message
     */
    @Override
    public Matrix forward(Matrix input) {
        Matrix a = input;
        for (int i = 0; i < layers.size(); i++) {
            try {
                a = layers.get(i).forward(a);                   // A_i = f_i(A_(i−1))
            } catch (IllegalArgumentException e) {
                throw layerFailed("forward", i, e);
            }
        }
        forwardDone = true;
        return a;
    }

    /**
     * Runs the layers' {@link Layer#infer} in order: the output of {@link #forward}, bit for bit,
     * without keeping what only backward needs. A {@code backward} after it is refused until the
     * next {@code forward}.
     *
     * @param input X, (m×k). Not modified.
     * @return Y, the last layer's output. Owned by that layer and overwritten by the next forward
     *     or infer; use {@link #predict} for a copy to keep.
     * @throws IllegalArgumentException if a layer rejects its input; the message names the
     *     layer's position and the layer's own message
     */
    @Override
    public Matrix infer(Matrix input) {
        Matrix a = input;
        for (int i = 0; i < layers.size(); i++) {
            try {
                a = layers.get(i).infer(a);
            } catch (IllegalArgumentException e) {
                throw layerFailed("infer", i, e);
            }
        }
        forwardDone = false;
        return a;
    }

    private static IllegalArgumentException layerFailed(String op, int i,
                                                        IllegalArgumentException e) {
        return new IllegalArgumentException("Sequential." + op + ": layer " + i + " failed: "
                + e.getMessage(), e);
    }

    /**
     * The output for {@code input} as a new matrix that the caller may keep, computed with
     * {@link #infer}.
     *
     * @param input X, (m×k). Not modified.
     * @return a copy of Y; allocates
     */
    public Matrix predict(Matrix input) {
        return infer(input).copy();
    }

    /**
     * Runs the layers' backward passes in reverse order: the chain rule.
     *
     * <pre>
     *   G_L = G;   for l = L … 1:   G_(l−1) = backward_l(G_l)    shapes of A_l, then A_(l−1)
     *   ∂L/∂X = G_0
     * </pre>
     * See {@code docs/derivations.md#sequential}.
     *
     * @param gradOutput G = ∂L/∂Y, of the last output's shape. Not modified.
     * @return ∂L/∂X, owned by the first layer; overwritten by the next backward call.
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G does not have the last output's shape
     */
    @Override
    public Matrix backward(Matrix gradOutput) {
        if (!forwardDone) {
            throw new IllegalStateException("Sequential.backward: called before forward;"
                    + " call forward(input) first");
        }
        Matrix g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            try {
                g = layers.get(i).backward(g);                  // G_(i−1) = backward_i(G_i)
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Sequential.backward: layer " + i + " failed: "
                        + e.getMessage(), e);
            }
        }
        return g;
    }

    /**
     * The training step's backward pass: the chain rule as in {@link #backward}, except that
     * the first layer is asked only for its parameter gradients, since nobody needs ∂L/∂X of
     * the data. The parameter gradients are exactly those of {@code backward}; for a first
     * {@link Linear} layer this skips the product G·Wᵀ, as PyTorch does for an input that does
     * not require a gradient.
     *
     * <pre>{@code
     * optimizer.zeroGrad();
     * double l = loss.forward(model.forward(x), y);
     * model.backwardParameters(loss.backward());
     * optimizer.step();
     * }</pre>
     *
     * @param gradOutput G = ∂L/∂Y, of the last output's shape. Not modified.
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G does not have the last output's shape
     */
    @Override
    public void backwardParameters(Matrix gradOutput) {
        if (!forwardDone) {
            throw new IllegalStateException("Sequential.backwardParameters: called before"
                    + " forward; call forward(input) first");
        }
        Matrix g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            try {
                if (i > 0) {
                    g = layers.get(i).backward(g);              // G_(i−1) = backward_i(G_i)
                } else {
                    layers.get(0).backwardParameters(g);        // ∂L/∂θ_1 only, no ∂L/∂X
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Sequential.backwardParameters: layer " + i
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Every child's parameters in layer order, named {@code "<position>.<name>"}.
     *
     * @return the live parameters, sharing the children's matrices
     */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The layers, in order.
     *
     * @return an unmodifiable list of the layers
     */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public int outputWidth(int inputWidth) {
        int width = inputWidth;
        for (Layer layer : layers) {
            width = layer.outputWidth(width);
        }
        return width;
    }

    /**
     * A table of the layers with their output shapes for a batch of m rows of
     * {@code inputWidth} columns and their parameter counts, then the total.
     *
     * <pre>
     * input: mx1, m = batch size
     * #  layer         output  params
     * 0  Linear(1→32)  mx32        64
     * 1  ReLU          mx32         0
     * 2  Linear(32→1)  mx1         33
     * total parameters: 97
     * </pre>
     *
     * @param inputWidth the number of input columns
     * @return the table, lines separated by {@code \n}
     * @throws IllegalArgumentException if a layer cannot take the width it would receive
     */
    public String summary(int inputWidth) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "layer", "output", "params"});
        int width = inputWidth;
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            width = layer.outputWidth(width);
            long count = 0;
            for (Parameter p : layer.parameters()) {
                count += p.value().size();
            }
            total += count;
            rows.add(new String[] {String.valueOf(i), layer.toString(), "mx" + width,
                String.valueOf(count)});
        }
        int[] w = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < 4; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder("input: mx" + inputWidth + ", m = batch size\n");
        for (String[] r : rows) {
            sb.append(pad(r[0], w[0])).append("  ").append(pad(r[1], w[1])).append("  ")
                    .append(pad(r[2], w[2])).append("  ")
                    .append(" ".repeat(w[3] - r[3].length())).append(r[3]).append('\n');
        }
        return sb.append("total parameters: ").append(total).toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    // ---------------------------------------------------------------- state dicts

    /**
     * The parameters in PyTorch's names and layout, copied: what
     * {@code torch.nn.Sequential.state_dict()} holds for the same layers.
     *
     * <pre>
     *   name         shape        value
     *   0.weight     [out, in]    Wᵀ of the Linear at position 0 (PyTorch keeps W out×in)
     *   0.bias       [out]        its b, as a vector
     *   2.weight …                the next layer with parameters; ReLU and Softmax have none
     * </pre>
     * Nested {@code Sequential}s give {@code 1.0.weight}, as in PyTorch; a parameter of any other
     * layer is stored as it is held. The metadata holds {@code format = pt}.
     *
     * <pre>{@code
     * SafetensorsWriter.write(model.stateDict(), Path.of("model.safetensors"));
     * }</pre>
     *
     * @return a new file of copies, in parameter order, stored as F64
     */
    @Override
    public StateDict stateDict() {
        return new ParameterSlots(layers).stateDict();
    }

    /**
     * Every way {@code stateDict} fails to match this model: missing names and wrong shapes in
     * parameter order, then unexpected names. Metadata is not looked at. Changes nothing.
     *
     * @param stateDict a state dict, for example read from a PyTorch file
     * @return one message per problem, for example {@code "0.weight" must have shape [8, 3]
     *     (out×in), got [3, 8]}; empty if it loads
     */
    @Override
    public List<String> checkStateDict(StateDict stateDict) {
        Objects.requireNonNull(stateDict, "Sequential.checkStateDict: stateDict must not be null");
        return new ParameterSlots(layers).check(stateDict);
    }

    /**
     * Copies a state dict into the parameters, strictly and all or nothing, as
     * {@code load_state_dict(sd, strict=True)} does: the names must be exactly this model's and
     * each tensor must have its shape (see {@link #stateDict()}). Weights are transposed into the
     * (in×out) layout of {@link Linear}; F32 tensors are widened exactly. Gradients are left as
     * they are.
     *
     * @param stateDict the state dict; its matrices are copied, not kept
     * @throws io.github.backprop4j.core.state.StateDictException listing every missing name,
     *     unexpected name and wrong shape; the model is then unchanged
     */
    @Override
    public void loadStateDict(StateDict stateDict) {
        Objects.requireNonNull(stateDict, "Sequential.loadStateDict: stateDict must not be null");
        new ParameterSlots(layers).load("Sequential.loadStateDict", stateDict);
    }

    /**
     * A matrix shaped like the parameter {@code parameterName} in that parameter's file layout:
     * transposed for a Linear weight, a vector for a bias. Checkpoints store an optimizer's
     * momentum buffers through it, so that each has its parameter's file shape.
     *
     * @param parameterName a name from {@link #parameters()}, for example {@code "0.weight"}
     * @param value         a matrix of that parameter's shape; not modified
     * @return a new tensor holding a copy
     */
    @Override
    public Tensor toFileLayout(String parameterName, Matrix value) {
        return new ParameterSlots(layers).toFileLayout(parameterName, value);
    }

    /**
     * The inverse of {@link #toFileLayout}: transposes a rank-2 tensor of a Linear weight back
     * to (in×out); anything else is returned as its matrix. Shapes are not checked here.
     *
     * @param parameterName a name from {@link #parameters()}
     * @param tensor        a tensor in file layout; not modified
     * @return the values in the parameter's layout
     */
    @Override
    public Matrix fromFileLayout(String parameterName, Tensor tensor) {
        return new ParameterSlots(layers).fromFileLayout(parameterName, tensor);
    }

    /** Structure: {@code Sequential(0: Linear(1→32), 1: ReLU, 2: Linear(32→1))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(i).append(": ").append(layers.get(i));
        }
        return sb.append(')').toString();
    }
}
