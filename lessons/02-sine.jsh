// Lesson 2: a sine. A network with two hidden layers of ReLU units learns sin x on [-pi, pi].
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/02-sine.jsh
//
// (from the root of the repository, after mvn -B -q -DskipTests package; the prompt stays open
// afterwards with every variable, so you can look at the model and train it further)
//
// Code:       layers/src/main/java/io/github/backprop4j/layers/Sequential.java (the chain rule
//             as a loop), layers/src/main/java/io/github/backprop4j/layers/ReLU.java,
//             data/src/main/java/io/github/backprop4j/data/Batches.java
// Derivation: docs/derivations.md, sections "ReLU" and "Sequential"
// Program:    `java -jar examples/target/backprop4j-examples.jar sine` (Example02_FitASine):
//             the same data, network, seed and batches, so the same numbers.

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.util.SplittableRandom;

var rng = new SplittableRandom(42);

// 256 points, x uniform on [-pi, pi], y = sin x.
Matrix x = Matrix.uniform(256, 1, -Math.PI, Math.PI, rng);
Matrix y = Matrix.zeros(256, 1);
for (int i = 0; i < 256; i++) {
    y.set(i, 0, Math.sin(x.get(i, 0)));
}

// Mini-batches of 16 rows, in a new random order each epoch: 16 steps per epoch.
var loader = new Batches(new Dataset(x, y), 16);

// The network, 1 -> 32 -> 32 -> 1. You should see
// Sequential(0: Linear(1→32), 1: ReLU, 2: Linear(32→32), 3: ReLU, 4: Linear(32→1))
var model = new Sequential(new Linear(1, 32, rng), new ReLU(), new Linear(32, 32, rng), new ReLU(),
        new Linear(32, 1, rng));
System.out.println(model);
System.out.println(model.summary(1));

// SGD with momentum: the velocity v <- 0.9 v + grad, then w <- w - 0.01 v.
var loss = new MSELoss();
var optimizer = SGD.builder(model.parameters()).learningRate(0.01).momentum(0.9).build();

// 500 epochs of 16 steps. You should see the mean loss of an epoch fall from about 0.25 to
// about 1e-5 (printed every 100 epochs).
for (int epoch = 1; epoch <= 500; epoch++) {
    double sum = 0;
    int batches = 0;
    for (Batch batch : loader.epoch(rng)) {
        optimizer.zeroGrad();
        sum += loss.forward(model.forward(batch.features()), batch.targets());
        model.backward(loss.backward());       // Sequential: each layer's backward, last first
        optimizer.step();
        batches++;
    }
    if (epoch == 1 || epoch % 100 == 0) {
        System.out.printf("epoch %3d  loss %.6f%n", epoch, sum / batches);
    }
}

// The loss over all 256 points. You should see: training MSE 1.058e-05
System.out.printf("training MSE %.3e%n", loss.forward(model.forward(x), y));

// A few predictions against the truth. predict returns a copy: forward's result is a buffer
// the model overwrites on its next call.
Matrix probe = Matrix.columnVector(-Math.PI / 2, 0, Math.PI / 4, Math.PI / 2);
Matrix predicted = model.predict(probe);
for (int i = 0; i < probe.rows(); i++) {
    System.out.printf("x %7.4f  sin x %7.4f  predicted %7.4f%n", probe.get(i, 0),
            Math.sin(probe.get(i, 0)), predicted.get(i, 0));
}

// Exercise.
// 1. Predict outside the training range: model.predict(Matrix.columnVector(4, 6)). sin 4 is
//    -0.757 and sin 6 is -0.279; what does the network say, and why (what is a ReLU network
//    far from its data)?
// 2. Make the network narrower (8 hidden units instead of 32) and train again from a new
//    SplittableRandom(42). How much higher does the training MSE end?
