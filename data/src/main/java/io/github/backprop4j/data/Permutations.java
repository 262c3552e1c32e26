package io.github.backprop4j.data;

import java.util.random.RandomGenerator;

/** Row orders shared by {@link Batches} and {@link Split}. */
final class Permutations {

    private Permutations() {
    }

    /**
     * Fills {@code order} with 0, 1, ..., n − 1 and then shuffles it in place with the
     * Fisher–Yates algorithm: for i from n − 1 down to 1, swap {@code order[i]} with
     * {@code order[j]}, j = {@code rng.nextInt(i + 1)}. Every permutation is equally likely, the
     * same generator state gives the same permutation, and nothing is allocated.
     *
     * @param order the array to fill; its length is n
     * @param rng   the source of randomness, or {@code null} for the identity order
     */
    static void shuffle(int[] order, RandomGenerator rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (rng == null) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
