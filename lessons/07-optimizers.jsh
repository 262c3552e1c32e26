// Lesson 7: optimizers side by side. The network of lesson 2 learns sin x three times from the
// same seed (the same data, initial weights and batch order), once with plain SGD, once with SGD
// and momentum, once with Adam: only the update rule differs.
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/07-optimizers.jsh
//
// Code:       optim/src/main/java/io/github/backprop4j/optim/SGD.java (momentum: update)
//             optim/src/main/java/io/github/backprop4j/optim/Adam.java, and AbstractAdam.java
//             beside it
// Derivation: docs/optimizers.md, sections "SGD" and "Adam" (the update rules, as PyTorch's);
//             docs/derivations.md, section "Sequential" (the gradients they are given)
// Program:    `java -jar examples/target/backprop4j-examples.jar optimizers` (Example10_Optimizers):
//             the same runs, plus Nesterov, RMSprop and AdamW, and a plot of the loss curves

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.SGD;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

// The update rules, each a function from the model's parameters to an optimizer:
//   SGD              w <- w - lr g                                       lr 0.01
//   SGD + momentum   v <- 0.9 v + g,  w <- w - lr v                      lr 0.01
//   Adam             m, v running means of g and g^2 (bias-corrected),
//                    w <- w - lr m / (sqrt(v) + 1e-8)                    lr 0.001
Function<List<Parameter>, Optimizer> sgd = p -> new SGD(p, 0.01);
Function<List<Parameter>, Optimizer> momentum = p -> SGD.builder(p).learningRate(0.01).momentum(0.9).build();
Function<List<Parameter>, Optimizer> adam = p -> Adam.builder(p).learningRate(0.001).build();

// Lesson 2's data and network, built from a fresh generator: every call starts from the same
// point and draws the same batches.
Sequential fit(String name, Function<List<Parameter>, Optimizer> rule, int epochs) {
    var rng = new SplittableRandom(42);
    Matrix x = Matrix.uniform(256, 1, -Math.PI, Math.PI, rng);
    Matrix y = Matrix.zeros(256, 1);
    for (int i = 0; i < 256; i++) {
        y.set(i, 0, Math.sin(x.get(i, 0)));
    }
    var loader = new Batches(new Dataset(x, y), 16);
    var model = new Sequential(new Linear(1, 32, rng), new ReLU(), new Linear(32, 32, rng),
            new ReLU(), new Linear(32, 1, rng));
    var loss = new MSELoss();
    Optimizer optimizer = rule.apply(model.parameters());
    double first = Double.NaN;
    double last = Double.NaN;
    for (int epoch = 1; epoch <= epochs; epoch++) {
        double sum = 0;
        int batches = 0;
        for (Batch batch : loader.epoch(rng)) {
            optimizer.zeroGrad();
            sum += loss.forward(model.forward(batch.features()), batch.targets());
            model.backward(loss.backward());
            optimizer.step();                          // the only line that differs between runs
            batches++;
        }
        last = sum / batches;
        first = epoch == 1 ? last : first;
    }
    System.out.printf("%-15s loss epoch 1 %.3e  epoch %d %.3e  training MSE %.3e%n", name, first,
            epochs, last, loss.forward(model.forward(x), y));
    return model;
}

// 500 epochs each, a few seconds in all. You should see plain SGD still creeping (about 2e-4),
// momentum about twenty times lower, and Adam, at a tenth of the learning rate, in between:
// Adam            ... training MSE 2.837e-05
fit("SGD", sgd, 500);
fit("SGD + momentum", momentum, 500);
fit("Adam", adam, 500);

// Why Adam needs no larger rate: its first step moves every weight by about lr, whatever the
// size of its gradient (m / sqrt(v) is g / |g| on step 1). Compare one step of SGD and of Adam
// on the first layer's weights: you should see SGD's moves spread over orders of magnitude,
// Adam's all close to 0.001.
void firstStep(String name, Function<List<Parameter>, Optimizer> rule) {
    var rng = new SplittableRandom(42);
    Matrix x = Matrix.uniform(16, 1, -Math.PI, Math.PI, rng);
    Matrix y = Matrix.zeros(16, 1);
    for (int i = 0; i < 16; i++) {
        y.set(i, 0, Math.sin(x.get(i, 0)));
    }
    var model = new Sequential(new Linear(1, 32, rng), new ReLU(), new Linear(32, 1, rng));
    var loss = new MSELoss();
    Optimizer optimizer = rule.apply(model.parameters());
    Matrix before = model.parameters().get(0).value().copy();
    optimizer.zeroGrad();
    loss.forward(model.forward(x), y);
    model.backward(loss.backward());
    optimizer.step();
    Matrix moved = model.parameters().get(0).value().minus(before);
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (int j = 0; j < moved.cols(); j++) {
        double m = Math.abs(moved.get(0, j));
        if (m > 0) {                                   // a unit whose ReLU is off never moves
            smallest = Math.min(smallest, m);
            largest = Math.max(largest, m);
        }
    }
    System.out.printf("%-5s first step: |change| of a weight from %.2e to %.2e%n", name, smallest,
            largest);
}
firstStep("SGD", sgd);
firstStep("Adam", adam);

// Exercise.
// 1. Give Adam SGD's rate: fit("Adam 0.01", p -> Adam.builder(p).learningRate(0.01).build(), 500).
//    Better or worse, and how does its loss behave from epoch to epoch?
// 2. Add RMSprop (import io.github.backprop4j.optim.RMSprop;
//    p -> RMSprop.builder(p).learningRate(0.001).build()) and Nesterov momentum
//    (SGD.builder(p).learningRate(0.01).momentum(0.9).nesterov(true).build()) to the table.
//    Compare with the table in the README.
