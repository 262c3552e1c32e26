package io.github.backprop4j.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link MatrixKernels} the framework's matrix products run on.
 *
 * <p>The first product chooses them, in this order:
 * <ol>
 *   <li>the system property {@value #PROPERTY}, e.g. {@code -Dbackprop4j.kernels=ejml} or
 *       {@code =openblas}, if it is set;</li>
 *   <li>otherwise the {@link MatrixKernelsProvider} with the highest priority that
 *       {@link java.util.ServiceLoader} finds on the class path and that starts: putting
 *       {@code backprop4j-blas} on the class path is enough to use OpenBLAS;</li>
 *   <li>otherwise, or if the chosen kernels cannot start (their native library is missing for
 *       this platform, say), the built-in {@link EjmlKernels#EjmlKernels() EjmlKernels}, after
 *       one warning in the log. They are single-threaded below a measured size threshold,
 *       which the system property {@value EjmlKernels#THREAD_THRESHOLD_PROPERTY} overrides.</li>
 * </ol>
 * An unknown name in the property is a mistake, not a reason to fall back: the first product
 * throws an {@link IllegalArgumentException} that lists the names available, and for
 * {@code openblas} without {@code backprop4j-blas} on the class path, names that artifact. The
 * warning of the fallback says why the kernels could not start (for OpenBLAS: no binaries for
 * this platform, a module built without g++, or the loader's error). Which kernels run is
 * logged once per process, at INFO, when they are chosen.
 *
 * <p>{@link #use(MatrixKernels)} replaces the choice for the whole process, for example with
 * kernels that use threads for large products:
 * <pre>{@code
 * Kernels.use(new EjmlKernels(1_000_000));
 * }</pre>
 * The choice is read on every product, so set it before training starts, not during a step.
 * Each change is logged at INFO, like the first choice.
 */
public final class Kernels {

    /** The system property that names the kernels to use: {@code ejml} or a provider's name. */
    public static final String PROPERTY = "backprop4j.kernels";

    /** The name of the built-in kernels, {@link EjmlKernels}. */
    public static final String EJML = "ejml";

    /** Kernels that come with an artifact of the framework, by name: named in the error. */
    private static final Map<String, String> KNOWN_ARTIFACTS =
            Map.of("openblas", "io.github.backprop4j:backprop4j-blas");

    private static volatile MatrixKernels current;

    private Kernels() {
    }

    /**
     * The kernels in use, chosen on the first call as the class comment describes.
     *
     * @return the current kernels, never {@code null}
     * @throws IllegalArgumentException if the property {@value #PROPERTY} names no known kernels
     */
    public static MatrixKernels current() {
        MatrixKernels kernels = current;
        if (kernels == null) {
            synchronized (Kernels.class) {
                if (current == null) {
                    current = select(System.getProperty(PROPERTY));
                    LoggerFactory.getLogger(Kernels.class)
                            .info("Matrix products run on {}", current);
                }
                kernels = current;
            }
        }
        return kernels;
    }

    /**
     * Makes every later matrix product use {@code kernels}, whatever the property says.
     *
     * @param kernels the kernels to use
     * @return the kernels used until now, so that a caller can restore them
     */
    public static synchronized MatrixKernels use(MatrixKernels kernels) {
        Objects.requireNonNull(kernels, "Kernels.use: kernels must not be null");
        // Before any product, what would have been chosen, without announcing it: these
        // kernels replace it, and they are the ones announced.
        MatrixKernels previous = current != null ? current : select(System.getProperty(PROPERTY));
        if (previous != kernels) {
            LoggerFactory.getLogger(Kernels.class).info("Matrix products run on {}", kernels);
        }
        current = kernels;
        return previous;
    }

    /**
     * The names of all kernels known here: {@code "ejml"} first, then every provider on the class
     * path by descending priority. A listed provider may still fail to start.
     *
     * @return the names, e.g. {@code [ejml, openblas]}
     */
    public static List<String> available() {
        return names(byPriority(providers()));
    }

    /**
     * The kernels that a value of the property {@value #PROPERTY} selects, created anew; this is
     * what {@link #current()} uses on its first call.
     *
     * @param name {@code "ejml"}, a provider's name, or {@code null} or blank for the best
     *             provider that starts
     * @return the selected kernels, or {@link EjmlKernels} if they cannot start (with a warning)
     * @throws IllegalArgumentException if {@code name} is not one of {@link #available()}
     */
    public static MatrixKernels select(String name) {
        return select(name, providers());
    }

    static MatrixKernels select(String name, List<MatrixKernelsProvider> found) {
        List<MatrixKernelsProvider> providers = byPriority(found);
        if (name == null || name.isBlank()) {
            for (MatrixKernelsProvider provider : providers) {
                MatrixKernels kernels = tryCreate(provider);
                if (kernels != null) {
                    return kernels;
                }
            }
            return new EjmlKernels();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(EJML)) {
            return new EjmlKernels();
        }
        for (MatrixKernelsProvider provider : providers) {
            if (provider.name().equals(wanted)) {
                MatrixKernels kernels = tryCreate(provider);
                return kernels != null ? kernels : new EjmlKernels();
            }
        }
        String artifact = KNOWN_ARTIFACTS.get(wanted);
        if (artifact != null) {
            throw new IllegalArgumentException("The " + wanted + " kernels come with the artifact "
                    + artifact + ", which is not on the class path; add it as a dependency, or"
                    + " choose one of " + names(providers));
        }
        throw new IllegalArgumentException("Unknown matrix kernels '" + name.trim()
                + "': expected one of " + names(providers));
    }

    private static MatrixKernels tryCreate(MatrixKernelsProvider provider) {
        try {
            return provider.create();
        } catch (RuntimeException | LinkageError e) {
            // The logger is looked up only here, so that a program whose kernels start never
            // initialises logging on their account.
            Logger log = LoggerFactory.getLogger(Kernels.class);
            String why = e instanceof IllegalStateException && e.getMessage() != null
                    ? e.getMessage() : e.toString();
            log.warn("Matrix products run on EJML, not {}: {}", provider.name(), why);
            log.debug("Kernels: why the {} kernels did not start", provider.name(), e);
            return null;
        }
    }

    private static List<MatrixKernelsProvider> providers() {
        List<MatrixKernelsProvider> providers = new ArrayList<>();
        ServiceLoader.load(MatrixKernelsProvider.class).forEach(providers::add);
        return providers;
    }

    private static List<MatrixKernelsProvider> byPriority(List<MatrixKernelsProvider> providers) {
        List<MatrixKernelsProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(MatrixKernelsProvider::priority).reversed()
                .thenComparing(MatrixKernelsProvider::name));
        return sorted;
    }

    private static List<String> names(List<MatrixKernelsProvider> providers) {
        List<String> names = new ArrayList<>();
        names.add(EJML);
        providers.forEach(provider -> names.add(provider.name()));
        return names;
    }
}
