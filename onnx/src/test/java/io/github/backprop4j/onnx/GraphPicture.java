package io.github.backprop4j.onnx;

import io.github.backprop4j.onnx.generated.OnnxModel.GraphProto;
import io.github.backprop4j.onnx.generated.OnnxModel.ModelProto;
import io.github.backprop4j.onnx.generated.OnnxModel.NodeProto;
import io.github.backprop4j.onnx.generated.OnnxModel.TensorProto;
import io.github.backprop4j.onnx.generated.OnnxModel.TensorShapeProto;
import io.github.backprop4j.onnx.generated.OnnxModel.ValueInfoProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An exported file drawn as Graphviz DOT, the way a graph viewer shows it: the graph input, one
 * box per node with the initializers it reads (name and shape), and the output. It reads the
 * file back with the generated classes, so the picture shows what the file holds, not what the
 * writer meant to write. {@code docs/images/onnx-iris.png} is drawn from its output:
 * <pre>
 *   java -cp ... io.github.backprop4j.onnx.GraphPicture docs/images/onnx-iris.dot
 *   dot -Tpng -Gdpi=110 docs/images/onnx-iris.dot -o docs/images/onnx-iris.png
 * </pre>
 */
final class GraphPicture {

    private GraphPicture() {
    }

    /** Writes the picture of lesson 6's iris network, 4→16→3, to the file named. */
    public static void main(String[] args) throws IOException {
        io.github.backprop4j.layers.Sequential iris = new io.github.backprop4j.layers.Sequential(
                new io.github.backprop4j.layers.Linear(4, 16, new java.util.SplittableRandom(42)),
                new io.github.backprop4j.layers.ReLU(),
                new io.github.backprop4j.layers.Linear(16, 3, new java.util.SplittableRandom(43)));
        Files.writeString(Path.of(args[0]), dot(ModelProto.parseFrom(OnnxWriter.toBytes(iris,
                OnnxWriter.Precision.FLOAT32))), StandardCharsets.UTF_8);
    }

    /** The model as a DOT digraph, top to bottom. */
    static String dot(ModelProto model) {
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("digraph onnx {\n")
                .append("  graph [fontname=\"Helvetica\", fontsize=11, label=\"")
                .append(model.getProducerName()).append(' ').append(model.getProducerVersion())
                .append(", IR ").append(model.getIrVersion()).append(", opset ")
                .append(model.getOpsetImport(0).getVersion()).append("\", labelloc=b];\n")
                .append("  node [fontname=\"Helvetica\", fontsize=11];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
        ValueInfoProto input = graph.getInput(0);
        ValueInfoProto output = graph.getOutput(0);
        sb.append("  \"").append(input.getName()).append("\" [shape=box, style=\"rounded\", label=\"")
                .append(input.getName()).append("\\n").append(type(input)).append("\"];\n");
        Map<String, String> producer = new HashMap<>();
        producer.put(input.getName(), input.getName());
        for (NodeProto node : graph.getNodeList()) {
            List<String> rows = new java.util.ArrayList<>();
            rows.add("<b>" + node.getOpType() + "</b>");
            for (int i = 0; i < node.getInputCount(); i++) {
                TensorProto t = initializers.get(node.getInput(i));
                if (t != null) {
                    rows.add(role(node.getOpType(), i) + " ⟨" + t.getDimsList().stream()
                            .map(String::valueOf).collect(Collectors.joining("×")) + "⟩  "
                            + t.getName());
                }
            }
            node.getAttributeList().forEach(a -> rows.add(a.getName() + " = " + a.getF()));
            sb.append("  \"").append(node.getName()).append("\" [shape=box, style=\"rounded,filled\", fillcolor=\"")
                    .append(node.getOpType().equals("Gemm") ? "#cfe2f3" : "#f4cccc")
                    .append("\", label=<").append(String.join("<br/>", rows)).append(">];\n");
            for (String in : node.getInputList()) {
                if (producer.containsKey(in)) {
                    sb.append("  \"").append(producer.get(in)).append("\" -> \"")
                            .append(node.getName()).append("\";\n");
                }
            }
            producer.put(node.getOutput(0), node.getName());
        }
        sb.append("  \"").append(output.getName()).append("_\" [shape=box, style=\"rounded\", label=\"")
                .append(output.getName()).append("\\n").append(type(output)).append("\"];\n")
                .append("  \"").append(producer.get(output.getName())).append("\" -> \"")
                .append(output.getName()).append("_\";\n")
                .append("}\n");
        return sb.toString();
    }

    /** What input i of a node is to its operator. */
    private static String role(String opType, int i) {
        if (opType.equals("Gemm")) {
            return List.of("A", "B", "C").get(i);
        }
        return i == 0 ? "X" : "slope";
    }

    /** {@code float32 [batch, 4]}. */
    private static String type(ValueInfoProto value) {
        var tensor = value.getType().getTensorType();
        String dims = tensor.getShape().getDimList().stream()
                .map(d -> d.getValueCase() == TensorShapeProto.Dimension.ValueCase.DIM_PARAM
                        ? d.getDimParam() : String.valueOf(d.getDimValue()))
                .collect(Collectors.joining(", "));
        return (tensor.getElemType() == 1 ? "float32" : "float64") + " [" + dims + "]";
    }
}
