package io.github.backprop4j.blas;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.CriticalRegion;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The four OpenBLAS functions this module calls, bound through JavaCPP.
 *
 * <p>Why not call {@code org.bytedeco.openblas.global.openblas.cblas_dgemm(..., double[], ...)}
 * directly? That binding passes each Java array with JNI's {@code Get/ReleaseDoubleArrayElements},
 * which on HotSpot copies the <em>whole</em> array to native memory before the call and back
 * after it, for all three matrices. Measured here, a 1×1×1 product on arrays of 10 million
 * doubles took 130 ms through it, and a 32³ product ran at 32 GFLOPS instead of 75. The
 * {@link CriticalRegion} annotation below makes JavaCPP generate
 * {@code GetPrimitiveArrayCritical} instead, which hands BLAS a pointer into the Java heap
 * itself: no copy, no allocation (the same 10-million-element call takes 0.14 µs). While BLAS
 * runs, the garbage collector waits; that is the price, and it is small next to a product.
 *
 * <p>The build compiles this binding with JavaCPP and g++ against the OpenBLAS library of the
 * {@code org.bytedeco:openblas} jar (see the module's pom). It links against the file that jar
 * really holds, {@code libopenblas.so.0} (hence {@code -l:libopenblas.so.0}, spelled
 * {@code ":libopenblas.so.0"} below), not against JavaCPP's {@code openblas_nolapack} preset,
 * whose link name {@code libopenblas_nolapack.so} exists only after some program has loaded
 * OpenBLAS through JavaCPP once: a build that used it passed only on machines that had run the
 * tests before. At run time the static initialiser loads that OpenBLAS through the preset first,
 * then the binding, whose dependency on {@code libopenblas.so.0} is then already met.
 */
@Properties(value = @Platform(value = "linux-x86_64", include = "cblas.h",
        link = ":libopenblas.so.0", library = "jnibackprop4jblas"))
final class OpenBlas {

    /** {@code CblasRowMajor} of the CBLAS standard: rows are contiguous in memory. */
    static final int ROW_MAJOR = 101;
    /** {@code CblasNoTrans}: use the matrix as it is stored. */
    static final int NO_TRANS = 111;
    /** {@code CblasTrans}: use the transpose of the stored matrix. */
    static final int TRANS = 112;

    static {
        // OpenBLAS itself first: JavaCPP extracts libopenblas.so.0 from the OpenBLAS jar and
        // loads it, so that the binding's dependency on libopenblas.so.0 is already met.
        Loader.load(openblas_nolapack.class);
        Loader.load();
    }

    private OpenBlas() {
    }

    /**
     * {@code c = alpha·op(a)·op(b) + beta·c}, with {@code op(a)} (m×k) and {@code op(b)} (k×n).
     * Every leading dimension must be at least 1, and every array long enough for its matrix:
     * nothing checks either here.
     */
    @CriticalRegion
    @NoException
    @Name("cblas_dgemm")
    static native void dgemm(@Cast("CBLAS_ORDER") int order,
                             @Cast("CBLAS_TRANSPOSE") int transA,
                             @Cast("CBLAS_TRANSPOSE") int transB,
                             int m, int n, int k,
                             double alpha, @Const double[] a, int lda,
                             @Const double[] b, int ldb,
                             double beta, double[] c, int ldc);

    /** Sets the number of threads that OpenBLAS uses from now on, for the whole process. */
    @NoException
    @Name("openblas_set_num_threads")
    static native void setNumThreads(int threads);

    /** The number of threads that OpenBLAS uses now, as last set for the whole process. */
    @NoException
    @Name("openblas_get_num_threads")
    static native int getNumThreads();

    /** The build options and the CPU kernel OpenBLAS chose, e.g. {@code "OpenBLAS 0.3.31 ..."}. */
    @NoException
    @Name("openblas_get_config")
    @Cast("const char*")
    static native String config();
}
