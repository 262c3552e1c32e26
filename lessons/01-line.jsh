// Lesson 1: a line. One Linear layer learns y = 3x + 2.
//
// Open it from the root of the repository, once the examples' jar is built
// (mvn -B -q -DskipTests package):
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/01-line.jsh
//
// jshell runs every line below, prints what they print, and leaves you at its prompt with
// every variable still there: type `model.weight().value()` and press Enter, or change a line
// and run it again. /vars lists the variables, /list the lines, /exit leaves.
//
// Code:       layers/src/main/java/io/github/backprop4j/layers/Linear.java (forward, backward)
//             layers/src/main/java/io/github/backprop4j/layers/MSELoss.java
//             optim/src/main/java/io/github/backprop4j/optim/SGD.java (step)
// Derivation: docs/derivations.md, sections "Linear" and "MSE"
// Program:    `java -jar examples/target/backprop4j-examples.jar line` (Example01_FitALine)

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.optim.SGD;
import java.util.SplittableRandom;

// All randomness comes from one generator with a seed: run the lesson twice, get the same bits.
var rng = new SplittableRandom(42);

// 64 samples, one per row: x uniform in [-1, 1], and y = 3x + 2 exactly (no noise yet).
Matrix x = Matrix.uniform(64, 1, -1, 1, rng);
Matrix y = x.scale(3).plusRow(Matrix.rowVector(2));
System.out.println("x " + x);

// The model: y^ = x.w + b, with w (1x1) and b (1x1) drawn at random. Print them: you should
// see a weight and a bias nowhere near 3 and 2.
var model = new Linear(1, 1, rng);
System.out.println(model + "  weight " + model.weight().value().get(0, 0)
        + "  bias " + model.bias().value().get(0, 0));

// The loss (mean squared error) and the optimizer (plain gradient descent, lr 0.1).
var loss = new MSELoss();
var optimizer = new SGD(model.parameters(), 0.1);

// The training loop: the five lines every loop has. You should see the loss fall from about 6
// to 0 (printed every 50 steps).
for (int step = 0; step < 200; step++) {
    optimizer.zeroGrad();                                // gradients accumulate: clear them
    double l = loss.forward(model.forward(x), y);        // forward, then the loss
    model.backward(loss.backward());                     // dL/dw = x^T.G, dL/db = 1^T.G
    optimizer.step();                                    // w <- w - lr.dL/dw, b likewise
    if (step % 50 == 0) {
        System.out.printf("step %3d  loss %.6f%n", step, l);
    }
}

// What was learned. You should see: weight 3.0000  bias 2.0000
System.out.printf("weight %.4f  bias %.4f%n",
        model.weight().value().get(0, 0), model.bias().value().get(0, 0));

// The gradient the last step used: after 200 steps it is (almost) zero, which is why the
// weight stopped moving.
System.out.println("dL/dw " + model.weight().grad());

// Exercise.
// 1. Set the learning rate to 1.0, then to 1.1 (new SGD(model.parameters(), 1.1)), make a new
//    model and run the loop again. At which rate does the loss stop falling and grow instead?
// 2. Add noise to y: y.set(i, 0, y.get(i, 0) + 0.1 * rng.nextGaussian()) for every row i. Where
//    does the loss end now, and why can it not reach 0?
