package io.github.backprop4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.layers.LeakyReLU;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.onnx.generated.OnnxModel.ModelProto;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The picture of docs/onnx.md is drawn from what the file holds. */
class GraphPictureTest {

    @Test
    void dot_linearThenLeakyRelu_drawsInputNodesInitializersAndOutput() throws Exception {
        Sequential model = new Sequential(new Linear(2, 3, new SplittableRandom(1)),
                new LeakyReLU(0.5));
        String dot = GraphPicture.dot(ModelProto.parseFrom(OnnxWriter.toBytes(model,
                OnnxWriter.Precision.FLOAT64)));
        String version = TestVersion.EXPECTED;
        assertEquals("digraph onnx {\n"
                + "  graph [fontname=\"Helvetica\", fontsize=11, label=\"backprop4j " + version
                + ", IR 8, opset 17\", labelloc=b];\n"
                + "  node [fontname=\"Helvetica\", fontsize=11];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n"
                + "  \"input\" [shape=box, style=\"rounded\", label=\"input\\nfloat64 [batch, 2]\"];\n"
                + "  \"/0/Gemm\" [shape=box, style=\"rounded,filled\", fillcolor=\"#cfe2f3\","
                + " label=<<b>Gemm</b><br/>B ⟨2×3⟩  0.weight<br/>C ⟨3⟩  0.bias>];\n"
                + "  \"input\" -> \"/0/Gemm\";\n"
                + "  \"/1/LeakyRelu\" [shape=box, style=\"rounded,filled\", fillcolor=\"#f4cccc\","
                + " label=<<b>LeakyRelu</b><br/>alpha = 0.5>];\n"
                + "  \"/0/Gemm\" -> \"/1/LeakyRelu\";\n"
                + "  \"output_\" [shape=box, style=\"rounded\", label=\"output\\nfloat64 [batch, 3]\"];\n"
                + "  \"/1/LeakyRelu\" -> \"output_\";\n"
                + "}\n", dot);
    }
}
