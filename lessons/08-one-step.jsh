// Lesson 8: one training step, written out layer by layer. A tiny network, 2 -> 2 -> 1, on two
// samples, with weights chosen by hand so that every number below can be checked on paper:
// forward through each layer, the loss, backward through each layer from the top, and the
// optimizer's update.
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/08-one-step.jsh
//
// Code:       layers/src/main/java/io/github/backprop4j/layers/Sequential.java (forward and
//             backward are the two loops this lesson unrolls), and in the same folder
//             Linear.java, ReLU.java and MSELoss.java; optim/src/main/java/io/github/backprop4j/optim/SGD.java
// Derivation: docs/derivations.md, section "Sequential" (its worked example is the first sample
//             here), with "Linear", "ReLU" and "MSE"

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.util.SplittableRandom;

// The layers; their random weights are replaced by round numbers just below.
var rng = new SplittableRandom(1);
var l1 = new Linear(2, 2, rng);
var relu = new ReLU();
var l2 = new Linear(2, 1, rng);

// W1 = [[1, -1], [0.5, 1]]  b1 = [[0, -3]]  W2 = [[1.5], [-1]]  b2 = [[0.5]]
// (W is in x out: a row per input, a column per output.) value() is the live matrix.
void fill(Matrix m, double[][] values) {
    for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < values[r].length; c++) {
            m.set(r, c, values[r][c]);
        }
    }
}
fill(l1.weight().value(), new double[][] {{1, -1}, {0.5, 1}});
fill(l1.bias().value(), new double[][] {{0, -3}});
fill(l2.weight().value(), new double[][] {{1.5}, {-1}});
fill(l2.bias().value(), new double[][] {{0.5}});

// Two samples, one per row, and their targets. requiresGrad(true) asks for dL/dX as well
// (without it the first layer skips that product and its backward returns null).
Matrix x = Matrix.of(new double[][] {{1, 2}, {-1, 3}}).requiresGrad(true);
Matrix target = Matrix.of(new double[][] {{3}, {1}});

// ---- Forward, layer by layer. ----
// Z1 = X.W1 + 1.b1: row 1 [1 + 1, -1 + 2] + [0, -3] = [2, -2]; row 2 [-1 + 1.5, 1 + 3] + [0, -3] = [0.5, 1]
Matrix z1 = l1.forward(x);
System.out.println("Z1 = X.W1 + b1 " + z1);
// A1 = ReLU(Z1) = [[2, 0], [0.5, 1]]: the second unit is off for the first sample.
Matrix a1 = relu.forward(z1);
System.out.println("A1 = ReLU(Z1) " + a1);
// Y = A1.W2 + b2: [2 * 1.5 + 0.5] = 3.5 and [0.5 * 1.5 - 1 + 0.5] = 0.25
Matrix yHat = l2.forward(a1);
System.out.println("Y = A1.W2 + b2 " + yHat);
// L = mean of the squared errors: ((3.5 - 3)^2 + (0.25 - 1)^2) / 2 = (0.25 + 0.5625) / 2
// You should see: loss 0.40625
var loss = new MSELoss();
System.out.printf("loss %.5f%n", loss.forward(yHat, target));

// ---- Backward, from the loss down. Each backward takes G = dL/d(its output) and returns
// dL/d(its input); a Linear also adds dL/dW and dL/db into its parameters' grad(). ----
// G_Y = (2/N)(Y - T) = [[0.5], [-0.75]]
Matrix gY = loss.backward();
System.out.println("G_Y = dL/dY " + gY);
// G_A1 = G_Y.W2^T = [[0.75, -0.5], [-1.125, 0.75]]
// dL/dW2 = A1^T.G_Y = [[2 * 0.5 + 0.5 * -0.75], [0 * 0.5 + 1 * -0.75]] = [[0.625], [-0.75]]
// dL/db2 = column sums of G_Y = [[-0.25]]
Matrix gA1 = l2.backward(gY);
System.out.println("G_A1 = dL/dA1 " + gA1);
System.out.println("dL/dW2 " + l2.weight().grad());
System.out.println("dL/db2 " + l2.bias().grad());
// G_Z1 = G_A1 (*) [Z1 > 0] = [[0.75, 0], [-1.125, 0.75]]: nothing flows through the unit that is off
Matrix gZ1 = relu.backward(gA1);
System.out.println("G_Z1 = dL/dZ1 " + gZ1);
// dL/dW1 = X^T.G_Z1 = [[0.75 + 1.125, -0.75], [1.5 - 3.375, 2.25]] = [[1.875, -0.75], [-1.875, 2.25]]
// dL/db1 = [[-0.375, 0.75]],  dL/dX = G_Z1.W1^T = [[0.75, 0.375], [-1.875, 0.1875]]
Matrix gX = l1.backward(gZ1);
System.out.println("dL/dW1 " + l1.weight().grad());
System.out.println("dL/db1 " + l1.bias().grad());
System.out.println("dL/dX " + gX);

// ---- The update. SGD with lr 0.05: every parameter moves by -0.05 times its gradient. ----
// W2: [[1.5 - 0.05 * 0.625], [-1 + 0.05 * 0.75]] = [[1.46875], [-0.9625]] (printed 1.4688)
// The optimizer wants each parameter under its own name; both layers call theirs "weight" and
// "bias". A Sequential of the three layers lists them as 0.weight, 0.bias, 2.weight, 2.bias,
// sharing the layers' matrices: it serves here only to name them.
var net = new Sequential(l1, relu, l2);
System.out.println(net.parameters());
var optimizer = new SGD(net.parameters(), 0.05);
Matrix w2Before = l2.weight().value().copy();
optimizer.step();
System.out.println("W2 before " + w2Before);
System.out.println("W2 after  " + l2.weight().value());
System.out.println("change " + l2.weight().value().minus(w2Before) + "  = -0.05 dL/dW2 "
        + l2.weight().grad().scale(-0.05));

// The loss after the step, on the same two samples: lower. (zeroGrad before the next backward,
// or the next gradients are added to these.)
optimizer.zeroGrad();
// You should see 0.22299, down from 0.40625.
System.out.printf("loss after one step %.5f%n",
        loss.forward(l2.forward(relu.forward(l1.forward(x))), target));

// The framework prints all of the above in one call: StepTrace runs one real step (forward,
// loss, backward, update) and shows every layer's input, output and gradients in the order the
// code runs. Here it takes the step after the one above, from the weights it left.
// Code: train/src/main/java/io/github/backprop4j/train/inspect/StepTrace.java
import io.github.backprop4j.train.inspect.StepTrace;
System.out.println(StepTrace.run(net, loss, optimizer, x, target));

// Exercise.
// 1. Change the second sample to [[-1, 1]]. Which units are off now, and which gradients
//    become 0? Work out the loss by hand first, then run the lines again.
// 2. Check that one forward and one backward of net (the Sequential) give the same grads as
//    the layer-by-layer lines (restore the weights with fill first, and call
//    optimizer.zeroGrad()).
// 3. Restore the weights and take the step with lr 0.1 instead: the loss after it is 0.99847,
//    higher than before. Why can a step along the negative gradient raise the loss?
