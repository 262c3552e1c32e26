package io.github.backprop4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.LeakyReLU;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Sigmoid;
import io.github.backprop4j.layers.Softmax;
import io.github.backprop4j.onnx.OnnxWriter.Precision;
import io.github.backprop4j.onnx.generated.OnnxModel.AttributeProto;
import io.github.backprop4j.onnx.generated.OnnxModel.GraphProto;
import io.github.backprop4j.onnx.generated.OnnxModel.ModelProto;
import io.github.backprop4j.onnx.generated.OnnxModel.NodeProto;
import io.github.backprop4j.onnx.generated.OnnxModel.OperatorSetIdProto;
import io.github.backprop4j.onnx.generated.OnnxModel.TensorProto;
import io.github.backprop4j.onnx.generated.OnnxModel.TensorShapeProto;
import io.github.backprop4j.onnx.generated.OnnxModel.TypeProto;
import io.github.backprop4j.onnx.generated.OnnxModel.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported bytes, byte for byte against protoc's generated classes, and every refusal.
 */
class OnnxWriterTest {

    @TempDir
    Path folder;

    /** A layer of a user's own, with no description. */
    static class Doubler implements Layer {
        @Override
        public Matrix forward(Matrix input) {
            return input.scale(2);
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            return gradOutput.scale(2);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }
    }

    private static Sequential mlp() {
        return new Sequential(new Linear(2, 3, new SplittableRandom(11)), new LeakyReLU(),
                new Linear(3, 1, new SplittableRandom(12)), new Sigmoid());
    }

    // ---------------------------------------------------------------- the bytes

    @Test
    void toBytes_float64_equalsGeneratedSerialization() {
        Sequential model = mlp();
        Linear first = (Linear) model.layers().get(0);
        Linear second = (Linear) model.layers().get(2);
        GraphProto graph = GraphProto.newBuilder()
                .addNode(node("/0/Gemm", "Gemm", "/0/Gemm_output_0", "input", "0.weight",
                        "0.bias"))
                .addNode(node("/1/PRelu", "PRelu", "/1/PRelu_output_0", "/0/Gemm_output_0",
                        "1.negative_slope"))
                .addNode(node("/2/Gemm", "Gemm", "/2/Gemm_output_0", "/1/PRelu_output_0",
                        "2.weight", "2.bias"))
                .addNode(node("/3/Sigmoid", "Sigmoid", "output", "/2/Gemm_output_0"))
                .setName("Sequential")
                .addInitializer(tensor("0.weight", 11, doubles(first.weight().value()), 2, 3))
                .addInitializer(tensor("0.bias", 11, doubles(first.bias().value()), 3))
                .addInitializer(tensor("1.negative_slope", 11, doubles(0.01), 1))
                .addInitializer(tensor("2.weight", 11, doubles(second.weight().value()), 3, 1))
                .addInitializer(tensor("2.bias", 11, doubles(second.bias().value()), 1))
                .setDocString("Sequential(0: Linear(2→3), 1: LeakyReLU(negativeSlope=0.01),"
                        + " 2: Linear(3→1), 3: Sigmoid)")
                .addInput(valueInfo("input", 11, 2))
                .addOutput(valueInfo("output", 11, 1))
                .build();
        assertArrayEquals(model(graph).toByteArray(),
                OnnxWriter.toBytes(model, Precision.FLOAT64));
    }

    @Test
    void toBytes_float32_equalsGeneratedSerialization() {
        Sequential model = mlp();
        Linear first = (Linear) model.layers().get(0);
        Linear second = (Linear) model.layers().get(2);
        AttributeProto alpha = AttributeProto.newBuilder().setName("alpha").setF(0.01f)
                .setType(AttributeProto.AttributeType.FLOAT).build();
        GraphProto graph = GraphProto.newBuilder()
                .addNode(node("/0/Gemm", "Gemm", "/0/Gemm_output_0", "input", "0.weight",
                        "0.bias"))
                .addNode(node("/1/LeakyRelu", "LeakyRelu", "/1/LeakyRelu_output_0",
                        "/0/Gemm_output_0").toBuilder().addAttribute(alpha))
                .addNode(node("/2/Gemm", "Gemm", "/2/Gemm_output_0", "/1/LeakyRelu_output_0",
                        "2.weight", "2.bias"))
                .addNode(node("/3/Sigmoid", "Sigmoid", "output", "/2/Gemm_output_0"))
                .setName("Sequential")
                .addInitializer(tensor("0.weight", 1, floats(first.weight().value()), 2, 3))
                .addInitializer(tensor("0.bias", 1, floats(first.bias().value()), 3))
                .addInitializer(tensor("2.weight", 1, floats(second.weight().value()), 3, 1))
                .addInitializer(tensor("2.bias", 1, floats(second.bias().value()), 1))
                .setDocString("Sequential(0: Linear(2→3), 1: LeakyReLU(negativeSlope=0.01),"
                        + " 2: Linear(3→1), 3: Sigmoid)")
                .addInput(valueInfo("input", 1, 2))
                .addOutput(valueInfo("output", 1, 1))
                .build();
        assertArrayEquals(model(graph).toByteArray(),
                OnnxWriter.toBytes(model, Precision.FLOAT32));
    }

    @Test
    void toBytes_float64WithAFloat32Slope_keepsLeakyRelu() throws Exception {
        ModelProto model = ModelProto.parseFrom(OnnxWriter.toBytes(
                new Sequential(new LeakyReLU(0.25)), Precision.FLOAT64));
        NodeProto node = model.getGraph().getNode(0);
        assertEquals("LeakyRelu", node.getOpType());
        assertEquals(0.25f, node.getAttribute(0).getF());
        assertEquals(List.of("input"), node.getInputList());
        assertEquals(0, model.getGraph().getInitializerCount());
    }

    @Test
    void toBytes_initializerNames_areTheStateDictNames() throws Exception {
        Sequential model = new Sequential(new Linear(4, 5, new SplittableRandom(1)), new ReLU(),
                new Sequential(new Linear(5, 3, new SplittableRandom(2)), new ReLU(),
                        new Linear(3, 2, new SplittableRandom(3))), new Softmax());
        GraphProto graph = ModelProto.parseFrom(OnnxWriter.toBytes(model, Precision.FLOAT32))
                .getGraph();
        List<String> names = graph.getInitializerList().stream().map(TensorProto::getName)
                .collect(Collectors.toList());
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "2.0.bias", "2.2.weight",
                "2.2.bias"), names);
        assertEquals(List.copyOf(model.stateDict().tensors().keySet()), names);
        assertEquals(List.of("/0/Gemm", "/1/Relu", "/2/0/Gemm", "/2/1/Relu", "/2/2/Gemm",
                "/3/Softmax"), graph.getNodeList().stream().map(NodeProto::getName)
                .collect(Collectors.toList()));
        // W is (in×out) as held, Gemm's B without a transpose; the state dict has (out×in).
        assertEquals(List.of(4L, 5L), graph.getInitializer(0).getDimsList());
        assertEquals(List.of(5L), graph.getInitializer(1).getDimsList());
        assertArrayEquals(new int[] {5, 4}, model.stateDict().get("0.weight").shape());
    }

    @Test
    void toBytes_twoOperatorsOfOneTypeInOneLayer_getDistinctNodeNames() throws Exception {
        Linear inner = new Linear(2, 2, new SplittableRandom(4));
        Layer twice = new Doubler() {
            @Override
            public List<io.github.backprop4j.layers.Operator> operators() {
                return List.of(io.github.backprop4j.layers.Operator.of(
                        io.github.backprop4j.layers.Operator.Type.TANH),
                        io.github.backprop4j.layers.Operator.of(
                                io.github.backprop4j.layers.Operator.Type.TANH),
                        io.github.backprop4j.layers.Operator.of(
                                io.github.backprop4j.layers.Operator.Type.TANH));
            }
        };
        GraphProto graph = ModelProto.parseFrom(OnnxWriter.toBytes(new Sequential(inner, twice),
                Precision.FLOAT64)).getGraph();
        assertEquals(List.of("/0/Gemm", "/1/Tanh", "/1/Tanh_1", "/1/Tanh_2"),
                graph.getNodeList().stream().map(NodeProto::getName)
                        .collect(Collectors.toList()));
        assertEquals("/1/Tanh_1_output_0", graph.getNode(3).getInput(0));
    }

    @Test
    void producerVersion_isTheBuildsVersion() {
        assertEquals(TestVersion.EXPECTED, OnnxWriter.producerVersion());
        assertEquals(TestVersion.EXPECTED, OnnxWriter.readVersion());
        assertTrue(OnnxWriter.producerVersion().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"));
    }

    @Test
    void precision_onnxDataTypes() {
        assertEquals(1, Precision.FLOAT32.onnxDataType());
        assertEquals(11, Precision.FLOAT64.onnxDataType());
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void toBytes_layerWithoutDescription_isRefusedByPositionAndName() {
        Sequential model = new Sequential(new Linear(2, 2, new SplittableRandom(1)),
                new Doubler(), new ReLU());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxWriter.toBytes(model, Precision.FLOAT32));
        assertEquals("OnnxWriter: layer 1 (Doubler) has no ONNX equivalent; layers that can be"
                + " exported: Linear, ReLU, LeakyReLU, Sigmoid, Tanh, Softmax, LogSoftmax, and a"
                + " Sequential of these. A layer of your own may describe itself through"
                + " Layer.operators().", e.getMessage());
    }

    @Test
    void toBytes_nestedLayerWithoutDescription_namesTheNestedSequential() {
        Sequential model = new Sequential(new ReLU(), new Sequential(new ReLU(), new Doubler()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxWriter.toBytes(model, Precision.FLOAT64));
        assertTrue(e.getMessage().startsWith("OnnxWriter: layer 1 (Sequential(0: ReLU,"
                + " 1: Doubler)) has no ONNX equivalent"), e.getMessage());
    }

    @Test
    void nameOf_anonymousLayer_isItsClassName_andAToStringIsKept() {
        Layer anonymous = new Doubler() {
        };
        assertEquals(anonymous.getClass().getName(), OnnxWriter.nameOf(anonymous));
        Layer named = new Doubler() {
            @Override
            public String toString() {
                return "Doubler(x2)";
            }
        };
        assertEquals("Doubler(x2)", OnnxWriter.nameOf(named));
    }

    @Test
    void toBytes_widthsThatDoNotChain_areRefused() {
        Sequential model = new Sequential(new Linear(3, 4, new SplittableRandom(1)), new ReLU(),
                new Linear(5, 2, new SplittableRandom(2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxWriter.toBytes(model, Precision.FLOAT32));
        assertEquals("OnnxWriter: the Gemm at layer 2 takes 5 columns, but the layers before it"
                + " give 4", e.getMessage());
    }

    @Test
    void toBytes_weightBeyondFloat32_isRefusedInFloat32Only() throws Exception {
        Linear linear = new Linear(2, 2, new SplittableRandom(1));
        linear.weight().value().set(1, 0, 1e39);
        Sequential model = new Sequential(linear);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxWriter.toBytes(model, Precision.FLOAT32));
        assertEquals("OnnxWriter: 0.weight holds 1.0E39 at index 2, beyond float32's range"
                + " (about ±3.4e38); export with Precision.FLOAT64", e.getMessage());
        TensorProto w = ModelProto.parseFrom(OnnxWriter.toBytes(model, Precision.FLOAT64))
                .getGraph().getInitializer(0);
        assertEquals(1e39, w.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN)
                .getDouble(16));
        // The largest float and infinities themselves are no overflow.
        linear.weight().value().set(1, 0, Float.MAX_VALUE);
        linear.weight().value().set(0, 0, Double.POSITIVE_INFINITY);
        TensorProto f = ModelProto.parseFrom(OnnxWriter.toBytes(model, Precision.FLOAT32))
                .getGraph().getInitializer(0);
        ByteBuffer raw = f.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Float.POSITIVE_INFINITY, raw.getFloat(0));
        assertEquals(Float.MAX_VALUE, raw.getFloat(8));
    }

    @Test
    void nulls_areRefusedByName() {
        Sequential model = mlp();
        Path file = folder.resolve("m.onnx");
        assertEquals("OnnxWriter: model must not be null", assertThrows(NullPointerException.class,
                () -> OnnxWriter.write(null, file)).getMessage());
        assertEquals("OnnxWriter: precision must not be null",
                assertThrows(NullPointerException.class,
                        () -> OnnxWriter.write(model, null, file)).getMessage());
        assertEquals("OnnxWriter.write: file must not be null",
                assertThrows(NullPointerException.class,
                        () -> OnnxWriter.write(model, null)).getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void emptyModel_cannotBeBuilt() {
        assertEquals("Sequential: layers must not be empty, got none",
                assertThrows(IllegalArgumentException.class, Sequential::new).getMessage());
    }

    // ---------------------------------------------------------------- files

    @Test
    void write_defaultIsFloat32_andTheFileHoldsTheBytes() throws IOException {
        Sequential model = mlp();
        Path file = folder.resolve("mlp.onnx");
        OnnxWriter.write(model, file);
        assertArrayEquals(OnnxWriter.toBytes(model, Precision.FLOAT32), Files.readAllBytes(file));
        OnnxWriter.write(model, Precision.FLOAT64, file);
        assertArrayEquals(OnnxWriter.toBytes(model, Precision.FLOAT64), Files.readAllBytes(file));
        assertEquals(List.of(file), list(folder));
    }

    @Test
    void write_refusedModel_leavesTheOldFileWholeAndNoOther() throws IOException {
        Path file = folder.resolve("model.onnx");
        Files.write(file, new byte[] {1, 2, 3});
        Sequential model = new Sequential(new Doubler());
        assertThrows(IllegalArgumentException.class, () -> OnnxWriter.write(model, file));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertEquals(List.of(file), list(folder));
    }

    @Test
    void write_unwritablePath_throwsNamingItAndLeavesNoFile() throws IOException {
        Path notAFolder = folder.resolve("plain-file");
        Files.write(notAFolder, new byte[] {7});
        Path file = notAFolder.resolve("model.onnx");
        IOException e = assertThrows(IOException.class, () -> OnnxWriter.write(mlp(), file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Path missing = folder.resolve("no-such-folder").resolve("model.onnx");
        e = assertThrows(IOException.class, () -> OnnxWriter.write(mlp(), missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(List.of(notAFolder), list(folder));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    // ---------------------------------------------------------------- expected messages

    private static ModelProto model(GraphProto graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("backprop4j")
                .setProducerVersion(TestVersion.EXPECTED).setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).build();
    }

    private static NodeProto node(String name, String op, String output, String... inputs) {
        return NodeProto.newBuilder().addAllInput(List.of(inputs)).addOutput(output)
                .setName(name).setOpType(op).build();
    }

    private static TensorProto tensor(String name, int type, byte[] raw, long... dims) {
        TensorProto.Builder b = TensorProto.newBuilder();
        for (long d : dims) {
            b.addDims(d);
        }
        return b.setDataType(type).setName(name).setRawData(ByteString.copyFrom(raw)).build();
    }

    private static ValueInfoProto valueInfo(String name, int type, long width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape)))
                .build();
    }

    /** Row-major, little-endian float64s. */
    private static byte[] doubles(Matrix m) {
        ByteBuffer b = ByteBuffer.allocate(8 * m.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                b.putDouble(m.get(r, c));
            }
        }
        return b.array();
    }

    private static byte[] doubles(double v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array();
    }

    /** Row-major, little-endian float32s. */
    private static byte[] floats(Matrix m) {
        ByteBuffer b = ByteBuffer.allocate(4 * m.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                b.putFloat((float) m.get(r, c));
            }
        }
        return b.array();
    }
}
