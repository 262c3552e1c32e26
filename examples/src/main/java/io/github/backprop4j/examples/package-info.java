/**
 * Runnable lessons that train tiny regressors and one classifier with the framework, behind
 * one launcher: {@code java -jar examples/target/backprop4j-examples.jar [example] [options]},
 * and a {@code predict} command that puts a saved lesson to use.
 *
 * <h2>Reading order</h2>
 * Each lesson is one class, readable top to bottom: a "What you will see" narration, its
 * {@code LESSON} (what it states about itself once: its name, its network, its input and
 * prediction columns, and for the lessons on real data the standardisation fitted on its own
 * training rows), then a {@code train} method with the data, the model, and the training loop
 * written out in full (zeroGrad, forward, loss, backward, step).
 * <ol>
 *   <li>{@link io.github.backprop4j.examples.Example01_FitALine} ({@code line}): one
 *       {@code Linear} layer fits y = 3x + 2;</li>
 *   <li>{@link io.github.backprop4j.examples.Example02_FitASine} ({@code sine}, the default):
 *       an MLP fits sin(x);</li>
 *   <li>{@link io.github.backprop4j.examples.Example03_FitASurface} ({@code surface}): two
 *       inputs, sin(x)·cos(y);</li>
 *   <li>{@link io.github.backprop4j.examples.Example04_SeveralOutputs} ({@code multi}): two
 *       outputs at once, (sin x, cos x);</li>
 *   <li>{@link io.github.backprop4j.examples.Example05_Diabetes} ({@code diabetes}): real data,
 *       a test set, standardisation and a least-squares baseline;</li>
 *   <li>{@link io.github.backprop4j.examples.Example06_IrisClassifier} ({@code iris}): a
 *       classifier of logits trained with {@code CrossEntropyLoss};</li>
 *   <li>{@link io.github.backprop4j.examples.Example07_Xor} ({@code xor}): why a hidden layer
 *       (of {@code Tanh} units) is needed, with both decision surfaces;</li>
 *   <li>{@link io.github.backprop4j.examples.Example08_Spiral} ({@code spiral}): three spiral
 *       arms, a linear classifier against an MLP, the loss at initialisation against ln 3;</li>
 *   <li>{@link io.github.backprop4j.examples.Example09_Outliers} ({@code outliers}): a line
 *       through data with outliers, {@code MSELoss} against {@code HuberLoss};</li>
 *   <li>{@link io.github.backprop4j.examples.Example10_Optimizers} ({@code optimizers}): lesson
 *       2's network trained with six optimizers from one seed, their loss curves together;</li>
 *   <li>{@link io.github.backprop4j.examples.Example11_Overfitting} ({@code overfit}): a network
 *       too large for the diabetes data overfits; a validation set shows it, and the library's
 *       {@code Trainer} stops early and keeps the best epoch's weights.</li>
 * </ol>
 * Lessons 1 to 10 write the training loop out; lesson 11 hands it to the {@code train}
 * module's {@code Trainer}, whose Javadoc shows the loop it runs. Every lesson scores its model
 * with the {@code train} module's {@code Metrics}.
 *
 * <h2>Key classes</h2>
 * <ul>
 *   <li>{@link io.github.backprop4j.examples.Main}: the launcher; one subcommand per lesson.</li>
 *   <li>{@link io.github.backprop4j.examples.Lesson}: what a lesson states about itself, used
 *       by its own training and by {@code predict}, so that the two cannot drift apart.</li>
 *   <li>{@link io.github.backprop4j.examples.Hyperparameters}: epochs, learning rate, momentum,
 *       batch size and seed, optimizer, schedule and clipping; each lesson has tuned
 *       {@code DEFAULTS}.</li>
 *   <li>{@link io.github.backprop4j.examples.Optimization}: the one place where
 *       {@code --optimizer}, {@code --schedule} and {@code --clip} become an optimizer, a
 *       schedule and gradient clipping, for every lesson.</li>
 *   <li>{@link io.github.backprop4j.examples.TrainingMonitor}: records the loss, stops with a
 *       {@link io.github.backprop4j.examples.TrainingDivergedException} when it is NaN or
 *       infinite, and logs progress.</li>
 *   <li>{@link io.github.backprop4j.examples.TrainingResult}: what {@code train} returns (final
 *       loss, metrics, loss history, curves, model, decision surfaces), so that tests need not
 *       read logs.</li>
 *   <li>{@link io.github.backprop4j.examples.Plots}: the loss curve (and prediction against
 *       truth) as a PNG, written atomically (through the io module's {@code AtomicFiles}) and
 *       without a screen.</li>
 *   <li>{@link io.github.backprop4j.examples.ExampleCommand} and
 *       {@link io.github.backprop4j.examples.TrainingOptions}: what every lesson shares on the
 *       command line.</li>
 *   <li>{@link io.github.backprop4j.examples.Checkpoints}: {@code --save} and {@code --load} on
 *       every lesson; a run resumed at an epoch goes on bit for bit as if it had never
 *       stopped.</li>
 *   <li>{@link io.github.backprop4j.examples.Predict}: the {@code predict} command, which loads
 *       a saved lesson and writes its predictions for a CSV file, knowing of each lesson only
 *       its {@code Lesson}.</li>
 * </ul>
 */
package io.github.backprop4j.examples;
