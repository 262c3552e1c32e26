// Lesson 5: XOR. Four points, two classes, and no straight line between them: a network needs
// a hidden layer to tell them apart.
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/05-xor.jsh
//
// Code:       layers/src/main/java/io/github/backprop4j/layers/Tanh.java
//             layers/src/main/java/io/github/backprop4j/layers/CrossEntropyLoss.java
// Derivation: docs/derivations.md, sections "Tanh" and "Cross-entropy"
// Program:    `java -jar examples/target/backprop4j-examples.jar xor` (Example07_Xor), which
//             also draws both decision surfaces

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Softmax;
import io.github.backprop4j.layers.Tanh;
import io.github.backprop4j.optim.SGD;
import java.util.SplittableRandom;

// The four points and their classes: 1 where exactly one coordinate is 1.
Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
int[] classes = {0, 1, 1, 0};

// The share of rows whose largest logit is at the right class.
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

// Full-batch training: all four points at every step. Returns the last loss.
double train(Sequential model, int steps) {
    var loss = new CrossEntropyLoss();
    var optimizer = SGD.builder(model.parameters()).learningRate(0.1).momentum(0.9).build();
    double l = Double.NaN;
    for (int step = 1; step <= steps; step++) {
        optimizer.zeroGrad();
        l = loss.forward(model.forward(x), classes);    // logits in, class indices as targets
        model.backward(loss.backward());                // (softmax - one-hot) / 4 to start with
        optimizer.step();
    }
    return l;
}

var rng = new SplittableRandom(42);

// First without a hidden layer: one Linear(2 -> 2), a straight boundary. No line puts (0,1) and
// (1,0) on one side and (0,0), (1,1) on the other, so the best it can do is say 1/2 everywhere:
// you should see the loss end at ln 2 = 0.6931 and an accuracy no better than chance.
var linear = new Sequential(new Linear(2, 2, rng));
System.out.printf("linear: loss %.4f  accuracy %.2f%n", train(linear, 300),
        accuracy(linear.predict(x), classes));

// Now with 8 hidden Tanh units. You should see the loss near 0 and: MLP accuracy 1.00
var mlp = new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 2, rng));
System.out.printf("MLP: loss %.4f%n", train(mlp, 300));
System.out.printf("MLP accuracy %.2f%n", accuracy(mlp.predict(x), classes));

// The probabilities it gives each point: each row should put nearly all on its class.
System.out.println("probabilities " + new Softmax().forward(mlp.predict(x)));

// What the hidden layer made of the four points: the Tanh outputs, (4x8). In this space the
// last Linear layer only has to draw a straight boundary.
var hidden = new Sequential(mlp.layers().get(0), mlp.layers().get(1));
System.out.println("hidden features " + hidden.predict(x));

// Exercise.
// 1. With 2 hidden units instead of 8 (Linear(2, 2), Tanh, Linear(2, 2)), try the seeds 1 to 5.
//    Does every seed solve XOR? What does the loss end at when one does not?
// 2. Replace Tanh with ReLU (import io.github.backprop4j.layers.ReLU). Does it still learn?
