package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

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
 * <p>The loop stops early where nothing further down needs a gradient. Forward marks each A_l as
 * {@linkplain Matrix#requiresGrad() requiring grad} when X does or some layer up to l has
 * parameters; a layer whose input does not require grad may return {@code null} from backward
 * (a first {@link Linear} does, skipping G·Wᵀ), and backward stops there, as PyTorch's autograd
 * stops at tensors that do not require grad.
 *
 * <p>The parameters are the children's, in layer order, renamed after the layer's position as in
 * PyTorch: {@code 0.weight}, {@code 0.bias}, {@code 2.weight}; a nested {@code Sequential} at
 * position 2 gives {@code 2.0.weight}. They share the children's matrices, so an optimizer
 * stepping them updates the children.
 *
 * <p><b>Looking inside.</b> {@link #observe} lets one {@link LayerObserver} see each layer's
 * input and output in forward and the gradients in backward, which is how a step is traced and
 * training diagnosed; unobserved, the loops pay one comparison with {@code null} per layer.
 * {@link #summary} and {@link #toDot} describe the network as a table and as a diagram.
 *
 * <p>Its {@linkplain #stateDict() state dict} has PyTorch's names and layout, so that weights
 * move both ways between this class and {@code torch.nn.Sequential}; see
 * {@code docs/checkpoints.md}.
 *
 * <p><b>Threads.</b> Training is single-threaded: one thread calls forward, backward and the
 * optimizer's step. Inference, {@link #predict(Matrix)}, may be called from any number of threads
 * at once on one model, each with its own batch size; the calls run in parallel, and each
 * returns, bit for bit, what one thread alone would get. Each layer computes into a buffer of the
 * calling thread's (see {@link #predict(Matrix, Matrix)}); a layer that keeps
 * {@link Layer#predict(Matrix, Matrix)}'s default takes turns, the others do not wait. Do not
 * train the model while other threads predict with it.
 */
public final class Sequential implements Layer, Stateful {

    private final List<Layer> layers;
    /** Whether layer i has parameters, looked up once so that forward allocates nothing. */
    private final boolean[] hasParameters;
    private final List<Parameter> parameters;
    /** Where each parameter goes in a state dict: by its name and {@link Parameter#layout()}. */
    private final ParameterSlots slots;
    private final ForwardGuard guard = new ForwardGuard("Sequential");
    /**
     * For {@link #predict(Matrix, Matrix)}: per thread, the outputs of layers 0 … L−2, which
     * grow to that thread's largest batch and are then reused.
     */
    private final ThreadLocal<Matrix[]> predictBuffers;
    /** Sees each layer's values in forward and backward; {@code null}, the default, for none. */
    private LayerObserver observer;

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
        this.hasParameters = new boolean[layers.length];
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            for (Parameter p : layers[i].parameters()) {
                all.add(p.renamed(i + "." + p.name()));
                hasParameters[i] = true;
            }
        }
        this.parameters = List.copyOf(all);
        this.slots = new ParameterSlots(parameters);
        int hidden = layers.length - 1;
        this.predictBuffers = ThreadLocal.withInitial(() -> emptyMatrices(hidden));
    }

    private static Matrix[] emptyMatrices(int count) {
        Matrix[] matrices = new Matrix[count];
        for (int i = 0; i < count; i++) {
            matrices[i] = Matrix.zeros(0, 0);
        }
        return matrices;
    }

    /**
     * Runs the layers in order, each on the previous one's output, and marks each output as
     * requiring grad when X does or some layer so far has parameters.
     *
     * @param input X, (m×k). Not modified, and not to be modified before the matching backward.
     * @return Y, the last layer's output. Owned by that layer and overwritten by the next call to
     *     {@code forward}; use {@link #predict(Matrix)} for a copy to keep.
     * @throws IllegalArgumentException if a layer rejects its input; the message names the
     *     layer's position and the layer's own message
     */
    @Override
    public Matrix forward(Matrix input) {
        Matrix a = input;
        boolean requiresGrad = input.requiresGrad();
        for (int i = 0; i < layers.size(); i++) {
            Matrix previous = a;
            try {
                a = layers.get(i).forward(previous);            // A_i = f_i(A_(i−1))
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Sequential.forward: layer " + i
                        + " failed: " + e.getMessage(), e);
            }
            requiresGrad |= hasParameters[i];
            a.requiresGrad(requiresGrad);                       // A_i depends on X or on a θ
            if (observer != null) {
                observer.forward(i, layers.get(i), previous, a);
            }
        }
        guard.forwardDone();
        return a;
    }

    /**
     * The output for {@code input} as a new matrix that the caller may keep, computed by
     * {@link #predict(Matrix, Matrix)}. Any number of threads may call it at once.
     *
     * @param input X, (m×k). Not modified.
     * @return Y, a new matrix, which does not {@linkplain Matrix#requiresGrad() require grad};
     *     the only allocation once the calling thread's buffers have grown to its batch size
     * @throws IllegalArgumentException if a layer rejects its input; the message names the
     *     layer's position and the layer's own message
     */
    public Matrix predict(Matrix input) {
        Matrix out = Matrix.zeros(0, 0);
        predict(input, out);
        return out;
    }

    /**
     * Runs each layer's {@link Layer#predict(Matrix, Matrix) inference path} in order, each
     * into a buffer of the calling thread's, the last into {@code out}.
     *
     * <pre>
     *   A_0 = X,   A_l = f_l(A_(l−1)) into this thread's buffer l,   Y = f_L(A_(L−1)) into out
     * </pre>
     * The buffers belong to the calling thread (a {@link ThreadLocal} per model), so threads do
     * not share them, and each grows to its thread's largest batch, after which a call
     * allocates nothing. They live as long as their thread, so a pool of long-lived threads
     * suits this best; a new thread per call (a virtual thread, say) allocates them anew each
     * time. Nothing forward keeps for backward is touched by the layers that override
     * {@code predict} (all of this package's).
     *
     * @param input X, (m×k). Not modified.
     * @param out   reshaped to Y's shape and overwritten
     * @throws IllegalArgumentException if a layer rejects its input; the message names the
     *     layer's position and the layer's own message
     */
    @Override
    public void predict(Matrix input, Matrix out) {
        Matrix[] buffers = predictBuffers.get();
        int last = layers.size() - 1;
        Matrix a = input;
        for (int i = 0; i <= last; i++) {
            Matrix y = i == last ? out : buffers[i];
            try {
                layers.get(i).predict(a, y);                    // A_i = f_i(A_(i−1)) into y
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Sequential.predict: layer " + i
                        + " failed: " + e.getMessage(), e);
            }
            a = y;
        }
    }

    /**
     * Runs the layers' backward passes in reverse order, the chain rule, until a layer returns
     * {@code null} because nothing below it needs a gradient.
     *
     * <pre>
     *   G_L = G;   for l = L … 1:   G_(l−1) = backward_l(G_l)    shapes of A_l, then A_(l−1)
     *   ∂L/∂X = G_0
     * </pre>
     * See {@code docs/derivations.md#sequential}.
     *
     * @param gradOutput G = ∂L/∂Y, of the last output's shape. Not modified.
     * @return ∂L/∂X, owned by the first layer and overwritten by the next backward call; or
     *     {@code null} if X does not {@linkplain Matrix#requiresGrad() require grad}
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G does not have the last output's shape
     */
    @Override
    public Matrix backward(Matrix gradOutput) {
        guard.checkBackward();
        Matrix g = gradOutput;
        for (int i = layers.size() - 1; i >= 0 && g != null; i--) {
            Matrix received = g;
            try {
                g = layers.get(i).backward(received);           // G_(i−1) = backward_i(G_i)
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Sequential.backward: layer " + i + " failed: "
                        + e.getMessage(), e);
            }
            if (observer != null) {
                observer.backward(i, layers.get(i), received, g);
            }
        }
        return g;
    }

    /**
     * Lets {@code observer} see every layer's input and output in {@link #forward} and the
     * gradients in {@link #backward}, in the order the code runs, until it is replaced or
     * removed. One observer at a time; {@code null} removes it. Unobserved, which is the
     * default, the loops pay one comparison with {@code null} per layer and call nothing.
     * {@link #predict} is never observed.
     *
     * @param observer what sees the values, or {@code null} for nothing
     */
    public void observe(LayerObserver observer) {
        this.observer = observer;
    }

    /**
     * The observer set by {@link #observe}, if any.
     *
     * @return the observer, or {@code null} when nothing observes this network
     */
    public LayerObserver observer() {
        return observer;
    }

    /**
     * Passes the call on to every layer, in order.
     *
     * @param sides receives the layers' reports one after another
     */
    @Override
    public void kinkSides(IntConsumer sides) {
        for (Layer layer : layers) {
            layer.kinkSides(sides);
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

    /**
     * The layers' operators one after another, each placed {@linkplain Operator#at(int) at its
     * layer's position}: paths {@code "0"}, {@code "1"}, … and parameters named as in
     * {@link #parameters()} ({@code 0.weight}, {@code 0.bias}, {@code 2.0.weight} for a
     * nested {@code Sequential} at position 2).
     *
     * @return the chain of operators; empty if any layer has no description (an exporter then
     *     names that layer)
     */
    @Override
    public List<Operator> operators() {
        List<Operator> chain = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            List<Operator> own = layers.get(i).operators();
            if (own.isEmpty()) {
                return List.of();
            }
            for (Operator op : own) {
                chain.add(op.at(i));
            }
        }
        return List.copyOf(chain);
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
            long count = parameterCount(layer);
            total += count;
            rows.add(new String[] {String.valueOf(i), nameOf(layer), "mx" + width,
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

    /**
     * The network as a Graphviz diagram in the DOT language: a box per layer with its position,
     * name, output shape for a batch of m rows of {@code inputWidth} columns and parameter count,
     * an arrow from each layer to the next, and the total as the diagram's caption. Render it
     * with {@code dot -Tpng model.dot -o model.png}. For the network 1→32→1 of {@link #summary}:
     *
     * <pre>
     * digraph Sequential {
     *   rankdir=TB;
     *   fontname="Helvetica";
     *   node [shape=box, style=rounded, fontname="Helvetica"];
     *   input [label="input\nm×1", shape=plaintext];
     *   layer0 [label="0: Linear(1→32)\noutput m×32\n64 parameters"];
     *   input -&gt; layer0;
     *   layer1 [label="1: ReLU\noutput m×32\n0 parameters"];
     *   layer0 -&gt; layer1;
     *   layer2 [label="2: Linear(32→1)\noutput m×1\n33 parameters"];
     *   layer1 -&gt; layer2;
     *   label="total parameters: 97";
     * }
     * </pre>
     * A layer of one's own appears by its {@code toString()} and {@link Layer#outputWidth}, as
     * in {@link #summary}; quotes and backslashes in a name are escaped.
     *
     * @param inputWidth the number of input columns
     * @return the DOT text, lines ending in {@code \n}
     * @throws IllegalArgumentException if a layer cannot take the width it would receive
     */
    public String toDot(int inputWidth) {
        StringBuilder dot = new StringBuilder("digraph Sequential {\n")
                .append("  rankdir=TB;\n")
                .append("  fontname=\"Helvetica\";\n")
                .append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n")
                .append("  input [label=\"input\\nm×").append(inputWidth)
                .append("\", shape=plaintext];\n");
        String previous = "input";
        int width = inputWidth;
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            width = layer.outputWidth(width);
            long count = parameterCount(layer);
            total += count;
            String node = "layer" + i;
            dot.append("  ").append(node).append(" [label=\"").append(i).append(": ")
                    .append(dotEscape(nameOf(layer))).append("\\noutput m×").append(width)
                    .append("\\n").append(count).append(count == 1 ? " parameter" : " parameters")
                    .append("\"];\n");
            dot.append("  ").append(previous).append(" -> ").append(node).append(";\n");
            previous = node;
        }
        return dot.append("  label=\"total parameters: ").append(total).append("\";\n}\n")
                .toString();
    }

    /** A name inside a DOT string: backslashes and quotes escaped, line breaks as {@code \n}. */
    private static String dotEscape(String name) {
        return name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** The number of trainable values of a layer: the sizes of its parameters, summed. */
    private static long parameterCount(Layer layer) {
        long count = 0;
        for (Parameter p : layer.parameters()) {
            count += p.value().size();
        }
        return count;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /**
     * A layer's name in {@link #summary} and {@link #toString}: its {@code toString()}, or the
     * simple name of its class where it keeps {@code Object}'s {@code ClassName@hash}.
     */
    private static String nameOf(Layer layer) {
        String name = layer.toString();
        Class<?> type = layer.getClass();
        if (!name.equals(type.getName() + "@" + Integer.toHexString(layer.hashCode()))) {
            return name;
        }
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
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
     * The names are those of {@link #parameters()} (a nested {@code Sequential} gives
     * {@code 1.0.weight}, as in PyTorch), and each parameter is stored in its own
     * {@linkplain Parameter#layout() layout}: transposed, as a vector, or as it is held. The
     * metadata holds {@code format = pt}.
     *
     * <pre>{@code
     * SafetensorsWriter.write(model.stateDict(), Path.of("model.safetensors"));
     * }</pre>
     *
     * @return a new file of copies, in parameter order, stored as F64
     */
    @Override
    public StateDict stateDict() {
        return slots.stateDict();
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
        return slots.check(stateDict);
    }

    /**
     * Copies a state dict into the parameters, strictly and all or nothing, as
     * {@code load_state_dict(sd, strict=True)} does: the names must be exactly this model's and
     * each tensor must have its shape (see {@link #stateDict()}). Tensors of
     * {@linkplain Parameter.Layout#TRANSPOSED transposed} parameters, such as a {@link Linear}
     * weight, are transposed back; F32 tensors are widened exactly. Gradients are left as they
     * are.
     *
     * @param stateDict the state dict; its matrices are copied, not kept
     * @throws io.github.backprop4j.core.state.StateDictException listing every missing name,
     *     unexpected name and wrong shape; the model is then unchanged
     */
    @Override
    public void loadStateDict(StateDict stateDict) {
        Objects.requireNonNull(stateDict, "Sequential.loadStateDict: stateDict must not be null");
        slots.load("Sequential.loadStateDict", stateDict);
    }

    /**
     * A matrix shaped like the parameter {@code parameterName} in that parameter's
     * {@linkplain Parameter#layout() layout}: transposed for a Linear weight, a vector for a
     * bias. Checkpoints store an optimizer's
     * momentum buffers through it, so that each has its parameter's file shape.
     *
     * @param parameterName a name from {@link #parameters()}, for example {@code "0.weight"}
     * @param value         a matrix of that parameter's shape; not modified
     * @return a new tensor holding a copy
     */
    @Override
    public Tensor toFileLayout(String parameterName, Matrix value) {
        return slots.toFileLayout(parameterName, value);
    }

    /**
     * The inverse of {@link #toFileLayout}: transposes a rank-2 tensor of a transposed
     * parameter (a Linear weight) back; anything else is returned as its matrix. Shapes are not
     * checked here.
     *
     * @param parameterName a name from {@link #parameters()}
     * @param tensor        a tensor in file layout; not modified
     * @return the values in the parameter's layout
     */
    @Override
    public Matrix fromFileLayout(String parameterName, Tensor tensor) {
        return slots.fromFileLayout(parameterName, tensor);
    }

    /** Structure: {@code Sequential(0: Linear(1→32), 1: ReLU, 2: Linear(32→1))}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(i).append(": ").append(nameOf(layers.get(i)));
        }
        return sb.append(')').toString();
    }
}
