/**
 * Optional for users: what sits around the training step once a learner has written it by hand.
 * Nothing here is needed to train a network; the lessons write the loop out first, and the
 * classes of this module replace that loop only where it would hide nothing worth reading.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.train.Metrics}: the scores, each with its formula and
 *       scikit-learn's name for it, then {@link io.github.backprop4j.train.ConfusionMatrix}.</li>
 *   <li>{@link io.github.backprop4j.train.Trainer}: the loop of the lessons, with its options
 *       in {@link io.github.backprop4j.train.TrainerBuilder}; its Javadoc shows the explicit loop
 *       it runs.</li>
 *   <li>{@link io.github.backprop4j.train.EarlyStopping}: when to stop, and which epoch's weights
 *       to keep.</li>
 *   <li>{@link io.github.backprop4j.train.TrainingListener} and
 *       {@link io.github.backprop4j.train.TrainingStep}: how anything else plugs into the loop,
 *       at each step and each epoch.</li>
 *   <li>{@link io.github.backprop4j.train.EpochResult} and
 *       {@link io.github.backprop4j.train.TrainingHistory}: what a run returns.</li>
 * </ol>
 *
 * <h2>Key classes</h2>
 * <ul>
 *   <li>{@link io.github.backprop4j.train.Trainer}: epochs of mini-batches, validation,
 *       metrics, early stopping, a schedule, clipping, checkpoints, a CSV log, a progress
 *       bar.</li>
 *   <li>{@link io.github.backprop4j.train.Metrics}: MSE, RMSE, MAE, R², accuracy, top-k
 *       accuracy, arg-max.</li>
 *   <li>{@link io.github.backprop4j.train.TrainingListener}: the hook for everything else.</li>
 * </ul>
 */
package io.github.backprop4j.train;
