package io.github.backprop4j.train;

import io.github.backprop4j.core.Matrix;

/**
 * A score of a model's predictions against the targets, such as {@link Metrics#rmse} or
 * {@link Metrics#rSquared}: any method of {@link Metrics} that takes the predictions and the
 * targets fits, as a method reference.
 *
 * <pre>{@code
 * Trainer.builder(model, new MSELoss(), optimizer).metric("rmse", Metrics::rmse) ...
 * }</pre>
 */
@FunctionalInterface
public interface Metric {

    /**
     * Scores the predictions.
     *
     * @param predicted the model's outputs, (m×n). Not modified.
     * @param target    the targets, (m×n). Not modified.
     * @return the score
     */
    double compute(Matrix predicted, Matrix target);
}
