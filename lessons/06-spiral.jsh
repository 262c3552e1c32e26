// Lesson 6: a spiral. Three arms of 100 points wind around each other; a network of two hidden
// layers learns to tell them apart, where one Linear layer cannot.
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/06-spiral.jsh
//
// Code:       layers/src/main/java/io/github/backprop4j/layers/CrossEntropyLoss.java
//             layers/src/main/java/io/github/backprop4j/layers/Sequential.java
// Derivation: docs/derivations.md, sections "Cross-entropy", "ReLU" and "Sequential"
// Program:    `java -jar examples/target/backprop4j-examples.jar spiral` (Example08_Spiral): the
//             same points, network, seed and batches, so the same numbers, and a plot

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.util.SplittableRandom;

var rng = new SplittableRandom(42);

// Arm k's i-th point: radius r = i / 99, angle t = 4k + 4r + 0.2 noise, at (r sin t, r cos t).
int arms = 3;
int perArm = 100;
Matrix x = Matrix.zeros(arms * perArm, 2);
int[] classes = new int[arms * perArm];
for (int k = 0; k < arms; k++) {
    for (int i = 0; i < perArm; i++) {
        int row = k * perArm + i;
        double r = (double) i / (perArm - 1);
        double t = 4 * k + 4 * r + 0.2 * rng.nextGaussian();
        x.set(row, 0, r * Math.sin(t));
        x.set(row, 1, r * Math.cos(t));
        classes[row] = k;
    }
}

// One-hot targets, (300x3): a 1 in each row's class column. A Dataset keeps them with the points.
Matrix y = Matrix.zeros(arms * perArm, arms);
for (int i = 0; i < classes.length; i++) {
    y.set(i, classes[i], 1);
}

var model = new Sequential(new Linear(2, 64, rng), new ReLU(), new Linear(64, 64, rng), new ReLU(),
        new Linear(64, 3, rng));
var loss = new CrossEntropyLoss();

// Before any training the logits are small, so softmax gives each arm about 1/3 and the loss is
// about -log(1/3) = ln 3 = 1.0986. A loss far from ln 3 here means badly scaled initial weights.
// You should see: loss at initialisation 1.1005
System.out.printf("loss at initialisation %.4f  (ln 3 = %.4f)%n",
        loss.forward(model.predict(x), classes), Math.log(3));

double accuracy(Matrix logits, int[] classes) {
    int right = 0;
    for (int i = 0; i < logits.rows(); i++) {
        int best = 0;
        for (int j = 1; j < logits.cols(); j++) {
            if (logits.get(i, j) > logits.get(i, best)) {
                best = j;
            }
        }
        right += best == classes[i] ? 1 : 0;
    }
    return (double) right / logits.rows();
}

// Mini-batches of 32 one-hot rows, SGD with momentum, 300 epochs. Returns the last epoch's mean loss.
double train(Sequential net, int epochs) {
    var loader = new Batches(new Dataset(x, y), 32);
    var optimizer = SGD.builder(net.parameters()).learningRate(0.1).momentum(0.9).build();
    double mean = Double.NaN;
    for (int epoch = 1; epoch <= epochs; epoch++) {
        double sum = 0;
        int batches = 0;
        for (Batch batch : loader.epoch(rng)) {
            optimizer.zeroGrad();
            sum += loss.forward(net.forward(batch.features()), batch.targets());
            net.backward(loss.backward());
            optimizer.step();
            batches++;
        }
        mean = sum / batches;
        if (epoch % 100 == 0) {
            System.out.printf("  epoch %d  loss %.4f%n", epoch, mean);
        }
    }
    return mean;
}

// You should see the loss fall well below 0.1 and: MLP training accuracy 0.9867
train(model, 300);
System.out.printf("MLP training accuracy %.4f%n", accuracy(model.predict(x), classes));

// One Linear(2 -> 3): straight boundaries between the arms. You should see its loss stay near
// 0.75 and its accuracy stop at 0.52, whatever it trains for.
var linear = new Sequential(new Linear(2, 3, rng));
train(linear, 300);
System.out.printf("linear training accuracy %.4f%n", accuracy(linear.predict(x), classes));

// Exercise.
// 1. Where are the MLP's mistakes? Print the rows i where the predicted class differs from
//    classes[i], with their radius r = i % 100 / 99.0. Are they near the centre or outside?
// 2. Train the MLP with lr 1.0 instead of 0.1. What happens to the loss, and to the accuracy?
