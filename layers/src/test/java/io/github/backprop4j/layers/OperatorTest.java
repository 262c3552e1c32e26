package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How layers describe themselves as operators, and how a Sequential places them. */
class OperatorTest {

    private static Parameter parameter(String name, int rows, int cols) {
        return new Parameter(name, Matrix.zeros(rows, cols));
    }

    @Test
    void gemm_keepsTheLiveParametersInOrder() {
        Parameter w = parameter("weight", 3, 2);
        Parameter b = parameter("bias", 1, 2);
        Operator op = Operator.gemm(w, b);
        assertEquals(Operator.Type.GEMM, op.type());
        assertSame(w, op.parameters().get(0));
        assertSame(b, op.parameters().get(1));
        assertEquals(2, op.parameters().size());
        assertEquals("", op.path());
        assertEquals(0.0, op.negativeSlope());
        assertEquals("GEMM[weight 3x2, bias 1x2]", op.toString());
    }

    @Test
    void gemm_biasOfTheWrongShape_isRefusedWithBothShapes() {
        Parameter w = parameter("weight", 3, 2);
        assertEquals("Operator.gemm: bias must be 1x2 for a weight 3x2, got 1x3",
                assertThrows(IllegalArgumentException.class,
                        () -> Operator.gemm(w, parameter("bias", 1, 3))).getMessage());
        assertEquals("Operator.gemm: bias must be 1x2 for a weight 3x2, got 2x2",
                assertThrows(IllegalArgumentException.class,
                        () -> Operator.gemm(w, parameter("bias", 2, 2))).getMessage());
        assertEquals("Operator.gemm: weight must not be null", assertThrows(
                NullPointerException.class, () -> Operator.gemm(null, w)).getMessage());
        assertEquals("Operator.gemm: bias must not be null", assertThrows(
                NullPointerException.class, () -> Operator.gemm(w, null)).getMessage());
    }

    @Test
    void of_typesWithArguments_pointToTheirFactories() {
        assertEquals("Operator.of: GEMM takes arguments; use Operator.gemm(weight, bias)",
                assertThrows(IllegalArgumentException.class,
                        () -> Operator.of(Operator.Type.GEMM)).getMessage());
        assertEquals("Operator.of: LEAKY_RELU takes arguments; use"
                + " Operator.leakyRelu(negativeSlope)", assertThrows(
                IllegalArgumentException.class,
                () -> Operator.of(Operator.Type.LEAKY_RELU)).getMessage());
        assertEquals("Operator.of: type must not be null", assertThrows(
                NullPointerException.class, () -> Operator.of(null)).getMessage());
        Operator tanh = Operator.of(Operator.Type.TANH);
        assertEquals(List.of(), tanh.parameters());
        assertEquals("TANH", tanh.toString());
    }

    @Test
    void leakyRelu_slopeMustBeFinite() {
        assertEquals(-0.5, Operator.leakyRelu(-0.5).negativeSlope());
        assertEquals("LEAKY_RELU(0.2)", Operator.leakyRelu(0.2).toString());
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}) {
            assertEquals("Operator.leakyRelu: negativeSlope must be finite, got " + bad,
                    assertThrows(IllegalArgumentException.class,
                            () -> Operator.leakyRelu(bad)).getMessage());
        }
    }

    @Test
    void at_prefixesThePathAndTheNames_sharingTheValues() {
        Parameter w = parameter("weight", 3, 2);
        Operator op = Operator.gemm(w, parameter("bias", 1, 2));
        Operator placed = op.at(0).at(2);
        assertEquals("2.0", placed.path());
        assertEquals("2.0.weight", placed.parameters().get(0).name());
        assertEquals("2.0.bias", placed.parameters().get(1).name());
        assertSame(w.value(), placed.parameters().get(0).value());
        assertEquals("GEMM[2.0.weight 3x2, 2.0.bias 1x2] at 2.0", placed.toString());
        assertEquals("", op.path());
        assertEquals("weight", op.parameters().get(0).name());
        assertEquals(0.3, Operator.leakyRelu(0.3).at(1).negativeSlope());
        assertEquals("Operator.at: position must be >= 0, got -1", assertThrows(
                IllegalArgumentException.class, () -> op.at(-1)).getMessage());
    }

    @Test
    void layers_describeThemselves() {
        Linear linear = new Linear(3, 2, new SplittableRandom(1));
        Operator gemm = linear.operators().get(0);
        assertEquals(1, linear.operators().size());
        assertSame(linear.weight(), gemm.parameters().get(0));
        assertSame(linear.bias(), gemm.parameters().get(1));
        assertEquals(List.of(Operator.Type.RELU), types(new ReLU()));
        assertEquals(List.of(Operator.Type.SIGMOID), types(new Sigmoid()));
        assertEquals(List.of(Operator.Type.TANH), types(new Tanh()));
        assertEquals(List.of(Operator.Type.SOFTMAX), types(new Softmax()));
        assertEquals(List.of(Operator.Type.LOG_SOFTMAX), types(new LogSoftmax()));
        assertEquals(List.of(Operator.Type.LEAKY_RELU), types(new LeakyReLU(0.2)));
        assertEquals(0.2, new LeakyReLU(0.2).operators().get(0).negativeSlope());
    }

    @Test
    void sequential_placesEachChildAtItsPosition() {
        SplittableRandom rng = new SplittableRandom(2);
        Sequential model = new Sequential(new Linear(2, 3, rng), new ReLU(),
                new Sequential(new Linear(3, 1, rng), new Sigmoid()));
        List<Operator> ops = model.operators();
        assertEquals(List.of("0", "1", "2.0", "2.1"), ops.stream().map(Operator::path).toList());
        assertEquals(List.of("0.weight", "0.bias"), names(ops.get(0)));
        assertEquals(List.of("2.0.weight", "2.0.bias"), names(ops.get(2)));
        assertEquals(model.parameters().stream().map(Parameter::name).toList(),
                ops.stream().flatMap(op -> op.parameters().stream()).map(Parameter::name)
                        .toList());
    }

    @Test
    void aLayerWithoutDescription_hasNone_andEmptiesItsSequential() {
        Layer own = new Layer() {
            @Override
            public Matrix forward(Matrix input) {
                return input;
            }

            @Override
            public Matrix backward(Matrix gradOutput) {
                return gradOutput;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
        assertEquals(List.of(), own.operators());
        assertEquals(List.of(), new Sequential(new ReLU(), own, new Tanh()).operators());
        assertEquals(List.of(), new Sequential(own).operators());
    }

    private static List<Operator.Type> types(Layer layer) {
        return layer.operators().stream().map(Operator::type).toList();
    }

    private static List<String> names(Operator op) {
        return op.parameters().stream().map(Parameter::name).toList();
    }
}
