/**
 * Layers with explicit forward and backward passes, and the losses they are trained with.
 */
package io.github.backprop4j.layers;
