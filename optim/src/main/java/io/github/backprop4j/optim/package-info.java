/**
 * Optimizers: they update {@link io.github.backprop4j.core.Parameter}s from their gradients and
 * never see a layer.
 */
package io.github.backprop4j.optim;
