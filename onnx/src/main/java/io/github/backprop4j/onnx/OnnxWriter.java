package io.github.backprop4j.onnx;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.io.AtomicFiles;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.Operator;
import io.github.backprop4j.layers.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Writes a trained {@link Sequential} as an ONNX model: one file that ONNX Runtime runs from
 * Java, C++, C#, Python or a browser, and that a graph viewer such as Netron draws.
 *
 * <pre>{@code
 * OnnxWriter.write(model, Path.of("iris.onnx"));                               // float32
 * OnnxWriter.write(model, OnnxWriter.Precision.FLOAT64, Path.of("iris.onnx")); // the exact bits
 * }</pre>
 *
 * <h2>What the file holds</h2>
 * Each layer {@linkplain Layer#operators() describes itself} in standard operators, and each
 * operator becomes one ONNX node, in order:
 * <pre>
 *   layer        operator      ONNX node                    inputs
 *   Linear       GEMM          Gemm (alpha 1, beta 1)       A = X, B = W (in×out) as is, C = b
 *   ReLU         RELU          Relu                         X
 *   LeakyReLU    LEAKY_RELU    LeakyRelu (alpha = a)        X       (see below for float64)
 *   Sigmoid      SIGMOID       Sigmoid                      X
 *   Tanh         TANH          Tanh                         X
 *   Softmax      SOFTMAX       Softmax (axis −1)            X
 *   LogSoftmax   LOG_SOFTMAX   LogSoftmax (axis −1)         X
 * </pre>
 * Gemm computes Y = A·B + C, and {@link io.github.backprop4j.layers.Linear} keeps its weight as
 * (in×out), so W is B as it is: no transpose, and Gemm's {@code transB} keeps its default 0.
 * (PyTorch keeps the transpose, (out×in), and its exporter writes that with {@code transB = 1}.)
 * The parameters are the graph's initializers, named as in the state dict ({@code 0.weight},
 * {@code 0.bias}, …), each with its held shape: W as [in, out], b as the vector [out]. The graph
 * input is {@code input}, [batch, in], and its output {@code output}, [batch, out], where
 * {@code batch} is a symbolic dimension: any batch size runs. A network without a
 * {@code Linear} takes any width; its width is the symbolic {@code features}.
 *
 * <p>The file records IR version {@value #IR_VERSION} and the default operator set at version
 * {@value #OPSET_VERSION}, which ONNX Runtime 1.13 and later run, the producer
 * ({@value #PRODUCER_NAME} and this framework's version), and the model's structure
 * ({@code Sequential(0: Linear(4→16), …)}) as the graph's documentation.
 *
 * <h2>Precision</h2>
 * {@link Precision#FLOAT32}, the default, is what ONNX consumers expect: weights, input and
 * output are 32-bit floats, within float32's rounding of this framework's float64 results.
 * {@link Precision#FLOAT64} keeps every weight's bits, and ONNX Runtime then gives
 * {@link Sequential#predict}'s results within a few units in the last place. ONNX stores
 * LeakyRelu's slope as a float32 attribute; where the slope is not a float32 number (0.01 is
 * not), a float64 export writes the leaky ReLU as {@code PRelu} with the slope as a float64
 * initializer {@code <position>.negative_slope} instead, which computes the same function.
 *
 * <h2>Refusals</h2>
 * Every check runs before the file is touched, and the file is written through
 * {@link AtomicFiles}: a refused model or a failed write leaves no file, or the old one whole.
 * A layer without a description (a layer of your own that does not override
 * {@link Layer#operators()}) is refused with its position and name and the list of layers that
 * can be exported.
 */
public final class OnnxWriter {

    /** The element type of the weights, the input and the output. */
    public enum Precision {
        /** 32-bit floats, ONNX's {@code FLOAT} (1): what ONNX consumers expect. */
        FLOAT32(1),
        /** 64-bit floats, ONNX's {@code DOUBLE} (11): the weights' exact bits. */
        FLOAT64(11);

        private final int dataType;

        Precision(int dataType) {
            this.dataType = dataType;
        }

        /**
         * The number ONNX gives this element type ({@code TensorProto.DataType}).
         *
         * @return 1 for FLOAT32, 11 for FLOAT64
         */
        public int onnxDataType() {
            return dataType;
        }
    }

    /** The ONNX IR version written: 8. */
    public static final long IR_VERSION = 8;

    /** The version of the default ONNX operator set the nodes follow: 17. */
    public static final long OPSET_VERSION = 17;

    /** The producer name recorded in every file. */
    public static final String PRODUCER_NAME = "backprop4j";

    /** The graph input's name. */
    public static final String INPUT = "input";

    /** The graph output's name. */
    public static final String OUTPUT = "output";

    /** The symbolic name of the batch dimension of the input and the output. */
    public static final String BATCH = "batch";

    /** The symbolic name of the width of a network that has no {@code Linear} to fix it. */
    public static final String FEATURES = "features";

    /** What a refusal lists as exportable. */
    static final String EXPORTABLE = "Linear, ReLU, LeakyReLU, Sigmoid, Tanh, Softmax,"
            + " LogSoftmax, and a Sequential of these";

    private static final String PRODUCER_VERSION = readVersion();

    private OnnxWriter() {
    }

    /**
     * Writes {@code model} to {@code file} as a float32 ONNX model, atomically.
     *
     * @param model the network
     * @param file  the file to write; its folder must exist
     * @throws IllegalArgumentException if a layer cannot be exported, the layers' widths do not
     *     chain, or a weight is beyond float32's range; no file is then written
     * @throws IOException if the file system fails; the file is then as it was
     */
    public static void write(Sequential model, Path file) throws IOException {
        write(model, Precision.FLOAT32, file);
    }

    /**
     * Writes {@code model} to {@code file} as an ONNX model of the given precision, atomically.
     *
     * @param model     the network
     * @param precision the element type of weights, input and output
     * @param file      the file to write; its folder must exist
     * @throws IllegalArgumentException if a layer cannot be exported, the layers' widths do not
     *     chain, or a weight is beyond float32's range; no file is then written
     * @throws IOException if the file system fails; the file is then as it was
     */
    public static void write(Sequential model, Precision precision, Path file) throws IOException {
        Objects.requireNonNull(file, "OnnxWriter.write: file must not be null");
        byte[] onnx = toBytes(model, precision);
        AtomicFiles.write(file, out -> out.write(onnx));
    }

    /**
     * The bytes of the ONNX model that {@link #write(Sequential, Precision, Path)} writes.
     *
     * @param model     the network
     * @param precision the element type of weights, input and output
     * @return a serialized {@code ModelProto}
     * @throws IllegalArgumentException if a layer cannot be exported, the layers' widths do not
     *     chain, or a weight is beyond float32's range
     */
    public static byte[] toBytes(Sequential model, Precision precision) {
        Objects.requireNonNull(model, "OnnxWriter: model must not be null");
        Objects.requireNonNull(precision, "OnnxWriter: precision must not be null");
        List<Operator> operators = model.operators();
        if (operators.isEmpty()) {
            throw refusal(model);
        }
        return new GraphBuilder(precision).model(model, operators);
    }

    /** The exception for a model with a layer that has no description, naming that layer. */
    private static IllegalArgumentException refusal(Sequential model) {
        List<Layer> layers = model.layers();
        int i = 0;
        while (layers.get(i).operators().size() > 0) {
            i++;
        }
        return new IllegalArgumentException("OnnxWriter: layer " + i + " (" + nameOf(layers.get(i))
                + ") has no ONNX equivalent; layers that can be exported: " + EXPORTABLE
                + ". A layer of your own may describe itself through Layer.operators().");
    }

    /** A layer's {@code toString()}, or its class's name where it keeps {@code Object}'s. */
    static String nameOf(Layer layer) {
        String name = layer.toString();
        Class<?> type = layer.getClass();
        if (!name.startsWith(type.getName() + "@")) {
            return name;
        }
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }

    /** This framework's version, from a resource the build fills in. */
    static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = OnnxWriter.class.getResourceAsStream("version.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("OnnxWriter: cannot read version.properties", e);
        }
        return properties.getProperty("version");
    }

    /**
     * The version recorded as {@code producer_version}: this framework's, as built.
     *
     * @return for example {@code 0.1.0-SNAPSHOT}
     */
    public static String producerVersion() {
        return PRODUCER_VERSION;
    }

    // ---------------------------------------------------------------- the messages

    /**
     * Builds one model's messages. Field numbers are those of {@code onnx.proto}; each message's
     * fields are written in field-number order.
     */
    private static final class GraphBuilder {

        private final Precision precision;
        private final ProtoEncoder graph = new ProtoEncoder();
        private final ProtoEncoder initializers = new ProtoEncoder();
        private final Set<String> nodeNames = new HashSet<>();

        GraphBuilder(Precision precision) {
            this.precision = precision;
        }

        /** ModelProto: ir_version 1, producer_name 2, producer_version 3, graph 7, opset 8. */
        byte[] model(Sequential model, List<Operator> operators) {
            Integer inWidth = null;
            Integer width = null;
            String value = INPUT;
            for (int j = 0; j < operators.size(); j++) {
                Operator op = operators.get(j);
                if (op.type() == Operator.Type.GEMM) {
                    Matrix w = op.parameters().get(0).value();
                    if (width == null) {
                        inWidth = w.rows();
                    } else if (width != w.rows()) {
                        throw new IllegalArgumentException("OnnxWriter: the Gemm at layer "
                                + op.path() + " takes " + w.rows() + " columns, but the layers"
                                + " before it give " + width);
                    }
                    width = w.cols();
                }
                value = node(op, value, j == operators.size() - 1);
            }
            graph.string(2, "Sequential");
            graph.append(initializers);                          // initializer 5
            graph.string(10, model.toString());
            graph.message(11, valueInfo(INPUT, inWidth));
            graph.message(12, valueInfo(OUTPUT, width));
            return new ProtoEncoder()
                    .varint(1, IR_VERSION)
                    .string(2, PRODUCER_NAME)
                    .string(3, PRODUCER_VERSION)
                    .message(7, graph)
                    .message(8, new ProtoEncoder().varint(2, OPSET_VERSION))
                    .toByteArray();
        }

        /**
         * NodeProto: input 1, output 2, name 3, op_type 4, attribute 5; its parameters become
         * initializers. Returns the name of the node's output.
         */
        private String node(Operator op, String input, boolean last) {
            String opType;
            ProtoEncoder attribute = null;
            String extraInput = null;
            switch (op.type()) {
                case GEMM:
                    opType = "Gemm";
                    break;
                case RELU:
                    opType = "Relu";
                    break;
                case LEAKY_RELU:
                    float alpha = (float) op.negativeSlope();
                    if (precision == Precision.FLOAT64 && alpha != op.negativeSlope()) {
                        opType = "PRelu";
                        extraInput = op.path() + ".negative_slope";
                        initializer(extraInput, new int[] {1},
                                new double[] {op.negativeSlope()});
                    } else {
                        opType = "LeakyRelu";
                        attribute = new ProtoEncoder().string(1, "alpha").float32(2, alpha)
                                .varint(20, 1);                     // type FLOAT
                    }
                    break;
                case SIGMOID:
                    opType = "Sigmoid";
                    break;
                case TANH:
                    opType = "Tanh";
                    break;
                case SOFTMAX:
                    opType = "Softmax";
                    break;
                default:
                    opType = "LogSoftmax";
                    break;
            }
            String name = uniqueName("/" + op.path().replace('.', '/') + "/" + opType);
            String output = last ? OUTPUT : name + "_output_0";
            ProtoEncoder node = new ProtoEncoder().string(1, input);
            for (Parameter p : op.parameters()) {
                node.string(1, p.name());
                Matrix v = p.value();
                initializer(p.name(), p.layout() == Parameter.Layout.VECTOR
                        ? new int[] {v.cols()} : new int[] {v.rows(), v.cols()}, values(p));
            }
            if (extraInput != null) {
                node.string(1, extraInput);
            }
            node.string(2, output).string(3, name).string(4, opType);
            if (attribute != null) {
                node.message(5, attribute);
            }
            graph.message(1, node);
            return output;
        }

        private String uniqueName(String base) {
            String name = base;
            for (int k = 1; !nodeNames.add(name); k++) {
                name = base + "_" + k;
            }
            return name;
        }

        /** The parameter's values, row-major, checked to fit the precision. */
        private double[] values(Parameter p) {
            double[] data = p.value().toRowMajorArray();
            if (precision == Precision.FLOAT32) {
                for (int i = 0; i < data.length; i++) {
                    if (Double.isFinite(data[i]) && Float.isInfinite((float) data[i])) {
                        throw new IllegalArgumentException("OnnxWriter: " + p.name() + " holds "
                                + data[i] + " at index " + i + ", beyond float32's range (about"
                                + " ±3.4e38); export with Precision.FLOAT64");
                    }
                }
            }
            return data;
        }

        /** TensorProto: dims 1, data_type 2, name 8, raw_data 9 (little-endian). */
        private void initializer(String name, int[] dims, double[] data) {
            ProtoEncoder tensor = new ProtoEncoder();
            for (int d : dims) {
                tensor.varint(1, d);
            }
            tensor.varint(2, precision.dataType).string(8, name).bytes(9, raw(data));
            initializers.message(5, tensor);
        }

        private byte[] raw(double[] data) {
            boolean single = precision == Precision.FLOAT32;
            ByteBuffer buffer = ByteBuffer.allocate(data.length * (single ? Float.BYTES
                    : Double.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
            for (double d : data) {
                if (single) {
                    buffer.putFloat((float) d);
                } else {
                    buffer.putDouble(d);
                }
            }
            return buffer.array();
        }

        /**
         * ValueInfoProto (name 1, type 2) of a tensor [batch, width]: TypeProto.tensor_type 1,
         * whose elem_type 1 and shape 2; each dimension a dim_value 1 or a dim_param 2.
         */
        private ProtoEncoder valueInfo(String name, Integer width) {
            ProtoEncoder shape = new ProtoEncoder()
                    .message(1, new ProtoEncoder().string(2, BATCH))
                    .message(1, width == null ? new ProtoEncoder().string(2, FEATURES)
                            : new ProtoEncoder().varint(1, width));
            ProtoEncoder tensorType = new ProtoEncoder().varint(1, precision.dataType)
                    .message(2, shape);
            return new ProtoEncoder().string(1, name)
                    .message(2, new ProtoEncoder().message(1, tensorType));
        }
    }
}
