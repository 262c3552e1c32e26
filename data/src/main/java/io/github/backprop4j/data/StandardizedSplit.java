package io.github.backprop4j.data;

import java.util.Objects;

/**
 * A split whose parts are standardised with statistics of the training part alone, together
 * with the fitted {@link Standardizer}s, which new data needs at prediction time.
 *
 * <p>Made by {@link Split#standardized()} (features only) or
 * {@link Split#standardizedWithTargets()} (features and targets, as regression often wants):
 * <pre>{@code
 * StandardizedSplit s = Split.everyKth(data, 5, 4).standardizedWithTargets();
 * // train on s.train(), evaluate on s.test(); later, for new inputs in original units:
 * Matrix z = s.featureStandardizer().transform(newInputs);
 * Matrix y = s.targetStandardizer().inverseTransform(model.predict(z));  // original units
 * }</pre>
 *
 * @param split               the standardised parts
 * @param featureStandardizer fitted on the training part's features
 * @param targetStandardizer  fitted on the training part's targets, or {@code null} when the
 *                            targets were left as they were
 */
public record StandardizedSplit(Split split, Standardizer featureStandardizer,
                                Standardizer targetStandardizer) {

    /**
     * Holds a standardised split and its standardisers.
     *
     * @param split               the standardised parts
     * @param featureStandardizer fitted on the training part's features
     * @param targetStandardizer  fitted on the training part's targets, or {@code null}
     */
    public StandardizedSplit {
        Objects.requireNonNull(split, "StandardizedSplit: split must not be null");
        Objects.requireNonNull(featureStandardizer,
                "StandardizedSplit: featureStandardizer must not be null");
    }

    /**
     * The standardised training part.
     *
     * @return {@code split().train()}
     */
    public Dataset train() {
        return split.train();
    }

    /**
     * The standardised test part.
     *
     * @return {@code split().test()}
     */
    public Dataset test() {
        return split.test();
    }

    /**
     * Whether the targets were standardised too.
     *
     * @return {@code true} when made by {@link Split#standardizedWithTargets()}
     */
    public boolean targetsStandardized() {
        return targetStandardizer != null;
    }

    /**
     * The standardiser fitted on the training targets, whose
     * {@link Standardizer#inverseTransform(io.github.backprop4j.core.Matrix)} brings predictions
     * back to the original units.
     *
     * @return the target standardiser
     * @throws IllegalStateException if the targets were not standardised
     */
    @Override
    public Standardizer targetStandardizer() {
        if (targetStandardizer == null) {
            throw new IllegalStateException("StandardizedSplit.targetStandardizer: the targets"
                    + " were left unstandardised; use Split.standardizedWithTargets() to"
                    + " standardise them too");
        }
        return targetStandardizer;
    }

    /**
     * A summary: {@code StandardizedSplit[train 353, test 89, features and targets]}.
     */
    @Override
    public String toString() {
        return "StandardizedSplit[train " + split.train().size() + ", test "
                + split.test().size() + (targetStandardizer == null ? ", features]"
                : ", features and targets]");
    }
}
