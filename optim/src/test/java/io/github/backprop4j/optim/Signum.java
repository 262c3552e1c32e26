package io.github.backprop4j.optim;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;

/**
 * A second optimizer, written on {@link AbstractOptimizer} without copying anything from
 * {@link SGD}: sign descent on a running average of the gradient (Bernstein et al.'s "Signum"),
 * <pre>
 *   m ← β·m + (1 − β)·g        m starts at 0
 *   θ ← θ − lr·sign(m)
 * </pre>
 * Its state dict, validation and exact resume all come from the base class.
 */
final class Signum extends AbstractOptimizer {

    private final double beta;
    /** The running averages m, one per parameter. */
    private final Matrix[] expAvg;

    Signum(List<Parameter> params, double learningRate, double beta) {
        super("Signum", params, learningRate);
        this.beta = option("beta", beta, Range.closedOpen(0, 1));
        this.expAvg = buffers("exp_avg");
    }

    @Override
    protected void update(long step) {
        double lr = learningRate();
        for (int i = 0; i < params.length; i++) {
            double[] theta = params[i].value().unwrap().data;
            double[] grad = params[i].grad().unwrap().data;
            double[] m = expAvg[i].unwrap().data;
            for (int k = 0, n = params[i].value().size(); k < n; k++) {
                m[k] = beta * m[k] + (1 - beta) * grad[k];      // m ← β·m + (1 − β)·g
                theta[k] -= lr * Math.signum(m[k]);             // θ ← θ − lr·sign(m)
            }
        }
    }
}
