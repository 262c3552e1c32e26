// Lesson 3: the gradient check, by hand. Is the gradient that backward computes right? Nudge
// one weight up and down by h, watch the loss, and compare the slope with backward's answer.
//
//     jshell --class-path examples/target/backprop4j-examples.jar lessons/03-gradient-check.jsh
//
// Code:       layers/src/main/java/io/github/backprop4j/layers/Linear.java (backward: dL/dW = X^T.G)
//             layers/src/main/java/io/github/backprop4j/layers/GradientCheck.java (the same, for
//             every entry of every parameter and of the input)
// Derivation: docs/derivations.md, section "Linear" (gradient with respect to W) and "MSE"

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.GradientCheck;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import java.util.SplittableRandom;

var rng = new SplittableRandom(7);

// A Linear(3 -> 2) layer, a batch of 4 samples and a target for each.
var layer = new Linear(3, 2, rng);
Matrix x = Matrix.normal(4, 3, 0, 1, rng);
Matrix target = Matrix.normal(4, 2, 0, 1, rng);
var loss = new MSELoss();

// The analytic gradient: one forward, one backward. It lands in weight().grad(), (3x2), the
// shape of the weight.
double l0 = loss.forward(layer.forward(x), target);
layer.backward(loss.backward());
System.out.println("loss " + l0);
System.out.println("dL/dW by backward " + layer.weight().grad());

// The numeric gradient of one entry, W[1,0]: the central difference
//     (L(w + h) - L(w - h)) / 2h
// whose error shrinks like h^2 (the one-sided (L(w + h) - L(w)) / h only like h).
double h = 1e-6;
Matrix w = layer.weight().value();                    // the live weight: set changes the layer
double saved = w.get(1, 0);
w.set(1, 0, saved + h);
double lPlus = loss.forward(layer.forward(x), target);
w.set(1, 0, saved - h);
double lMinus = loss.forward(layer.forward(x), target);
w.set(1, 0, saved);                                   // put it back
double numeric = (lPlus - lMinus) / (2 * h);
double analytic = layer.weight().grad().get(1, 0);

// You should see the two agree to about ten digits: backward 0.994128
System.out.printf("W[1,0]: backward %.6f  central difference %.6f%n", analytic, numeric);
// Their relative error |a - n| / max(1e-8, |a| + |n|), as GradientCheck.relativeError computes
// it: about 5e-11, far below GradientCheck's default tolerance of 1e-6.
// (In jshell a line that is a complete statement ends it: to go on, end the line with the
// operator, as here, not the next one.)
double relativeError = Math.abs(analytic - numeric) /
        Math.max(1e-8, Math.abs(analytic) + Math.abs(numeric));
System.out.printf("relative error %.1e%n", relativeError);

// The same check for every entry of the weight, the bias and the input is a library call.
// You should see a report whose worst relative error is tiny, and passed() true.
var report = new GradientCheck().check(layer, loss, x.copy().requiresGrad(true), target);
System.out.println(report);
System.out.println("passed " + report.passed());

// Exercise.
// 1. Try h = 1e-2 and h = 1e-12 in the central difference. Which is worse, and why? (One is
//    truncation error, the other rounding error in L(w + h) - L(w - h).)
// 2. Break the derivation on purpose: what would the relative error be if backward forgot
//    the factor 2 of MSE's gradient (2/N)(y^ - y)? Compute analytic / 2 against numeric.
