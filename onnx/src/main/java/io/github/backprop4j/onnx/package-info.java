/**
 * Export to ONNX: a trained {@link io.github.backprop4j.layers.Sequential} written as an ONNX
 * model, the format that ONNX Runtime serves from Java, C++, C#, Python or a browser and that a
 * graph viewer such as Netron draws.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.layers.Operator} (in {@code layers}): how a layer says what
 *       it computes, in standard operators, without knowing any file format;</li>
 *   <li>{@link io.github.backprop4j.onnx.OnnxWriter}: each operator as an ONNX node, the
 *       parameters as initializers named as in the state dict, and why a {@code Linear}'s
 *       weight is {@code Gemm}'s B as it is ({@code docs/onnx.md} draws one exported
 *       graph);</li>
 *   <li>{@code ProtoEncoder}: the protocol-buffers wire format, the few field types an ONNX
 *       file needs, written by hand so that exporting adds no dependency.</li>
 * </ol>
 *
 * <h2>Example</h2>
 * <pre>{@code
 * OnnxWriter.write(model, Path.of("iris.onnx"));      // float32, atomically
 * }</pre>
 */
package io.github.backprop4j.onnx;
