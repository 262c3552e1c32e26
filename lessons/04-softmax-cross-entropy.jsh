// Lesson 4: softmax and cross-entropy, by hand and by the layers. A classifier outputs one
// logit per class; softmax turns a row of logits into probabilities, and cross-entropy is
// -log of the probability of the right class, averaged over the batch.
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/04-softmax-cross-entropy.jsh
//
// Code:       layers/src/main/java/io/github/backprop4j/layers/Softmax.java
//             layers/src/main/java/io/github/backprop4j/layers/CrossEntropyLoss.java
// Derivation: docs/derivations.md, sections "Softmax" and "Cross-entropy" (whose worked
//             example this lesson recomputes)

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.Softmax;

// Two samples, three classes; logits chosen so that the probabilities come out exact.
Matrix z = Matrix.of(new double[][] {{0, Math.log(3), Math.log(4)}, {0, 0, 0}});
int[] classes = {2, 0};                                // the right class of each row

// Softmax by hand: p_j = exp(z_j - max) / sum_l exp(z_l - max), row by row. Subtracting the
// row's maximum changes nothing in exact arithmetic and keeps exp from overflowing.
Matrix softmax(Matrix logits) {
    Matrix p = Matrix.zeros(logits.rows(), logits.cols());
    for (int i = 0; i < logits.rows(); i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < logits.cols(); j++) {
            max = Math.max(max, logits.get(i, j));
        }
        double sum = 0;
        for (int j = 0; j < logits.cols(); j++) {
            sum += Math.exp(logits.get(i, j) - max);
        }
        for (int j = 0; j < logits.cols(); j++) {
            p.set(i, j, Math.exp(logits.get(i, j) - max) / sum);
        }
    }
    return p;
}

// You should see [[0.1250, 0.3750, 0.5000], [0.3333, 0.3333, 0.3333]] both times.
Matrix p = softmax(z);
System.out.println("softmax by hand " + p);
System.out.println("Softmax layer   " + new Softmax().forward(z));
System.out.println("largest difference " + p.maxAbsDifference(new Softmax().forward(z)));

// Cross-entropy by hand: L = -(1/m) sum_i log p[i, class_i]
//   = -(log 0.5 + log(1/3)) / 2 = (ln 2 + ln 3) / 2
double byHand = 0;
for (int i = 0; i < classes.length; i++) {
    byHand -= Math.log(p.get(i, classes[i]));
}
byHand /= classes.length;

// The loss works on the logits directly (it never forms log p from p). You should see
// cross-entropy by hand 0.895880, and the same from the layer.
var loss = new CrossEntropyLoss();
double byLayer = loss.forward(z, classes);
System.out.printf("cross-entropy by hand %.6f  by CrossEntropyLoss %.6f  ln 6 / 2 = %.6f%n",
        byHand, byLayer, Math.log(6) / 2);

// Its gradient with respect to the logits is (P - T) / m, T the one-hot targets: the softmax
// Jacobian p_i(delta_ij - p_j) and the derivative of the log cancel into a difference.
// You should see [[0.0625, 0.1875, -0.2500], [-0.3333, 0.1667, 0.1667]] both times.
Matrix t = Matrix.zeros(2, 3);
for (int i = 0; i < classes.length; i++) {
    t.set(i, classes[i], 1);
}
System.out.println("(P - T) / m by hand   " + p.minus(t).scale(1.0 / classes.length));
System.out.println("CrossEntropyLoss.backward " + loss.backward());

// Each row of the gradient sums to 0: adding a constant to a row of logits changes nothing.
System.out.println("row sums " + loss.backward().rowSums());

// Why the loss takes logits, not probabilities: a confidently wrong row.
Matrix extreme = Matrix.of(new double[][] {{1000, -1000}});
System.out.println("softmax of [1000, -1000] " + softmax(extreme));    // [1, 0]: p_1 underflows
System.out.println("-log p_1 from the softmax " + -Math.log(softmax(extreme).get(0, 1)));
System.out.println("CrossEntropyLoss on the logits " + loss.forward(extreme, new int[] {1}));

// Exercise.
// 1. Add 100 to every logit of the first row of z and run the softmax and the loss again.
//    What changes? (Nothing should: see the Softmax section of docs/derivations.md.)
// 2. Label smoothing: new CrossEntropyLoss(0.3) mixes each target row with the uniform
//    distribution, T~ = 0.7 T + 0.1. Compute its loss on the first row of z by hand, then with
//    the layer on Matrix.of(new double[][] {{0, Math.log(3), Math.log(4)}}) and class {2}
//    (docs/derivations.md gives 0.8605448).
