package io.github.backprop4j.train;

import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.optim.Optimizer;
import java.util.List;

/**
 * What a {@link TrainingListener} sees of one training step: where it is in the run, the batch,
 * the loss, the model and the optimizer.
 *
 * <p>One object per {@link Trainer}, refilled for every step (so that a step allocates nothing):
 * read it inside the listener's call and copy what you want to keep. The batch, the model and
 * the parameters are the live objects of the training, not copies.
 */
public final class TrainingStep {

    private final Layer model;
    private final Optimizer optimizer;
    private int epoch;
    private long step;
    private Batch batch;
    private double loss;
    private double gradientNorm = Double.NaN;

    TrainingStep(Layer model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    /** Refills the view for a new step; the gradient norm is unknown until clipping sets it. */
    void set(int epoch, long step, Batch batch, double loss) {
        this.epoch = epoch;
        this.step = step;
        this.batch = batch;
        this.loss = loss;
        this.gradientNorm = Double.NaN;
    }

    void setGradientNorm(double norm) {
        this.gradientNorm = norm;
    }

    /**
     * The epoch this step belongs to, from 1.
     *
     * @return the epoch
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The step's number in the run, from 1, counting every step of every epoch.
     *
     * @return the step number
     */
    public long step() {
        return step;
    }

    /**
     * The batch of this step; its index within the epoch is {@link Batch#index()}.
     *
     * @return the loader's batch, overwritten by the next step
     */
    public Batch batch() {
        return batch;
    }

    /**
     * The loss of this batch, as the loss function's {@code forward} returned it (before the
     * step).
     *
     * @return L, finite (a NaN or infinite loss stops training before any listener sees it)
     */
    public double loss() {
        return loss;
    }

    /**
     * The total L2 norm of the gradients before clipping, as
     * {@link io.github.backprop4j.optim.Gradients#clipNorm} returns it.
     *
     * @return ‖g‖, or NaN when the trainer does not clip or has not clipped yet in this step
     *     ({@link TrainingListener#afterBackward} always sees NaN)
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * The model being trained.
     *
     * @return the live model
     */
    public Layer model() {
        return model;
    }

    /**
     * The optimizer training the model; its learning rate is the one this step uses.
     *
     * @return the live optimizer
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The parameters the optimizer updates: their {@code value()} and {@code grad()} are live.
     *
     * @return the optimizer's parameter list
     */
    public List<Parameter> parameters() {
        return optimizer.parameters();
    }

    /** A summary: {@code TrainingStep[epoch 3, step 41, loss 0.0123, Batch[#4, ...]]}. */
    @Override
    public String toString() {
        return "TrainingStep[epoch " + epoch + ", step " + step + ", loss " + loss + ", " + batch
                + "]";
    }
}
