/**
 * Runnable programs that train tiny regressors and one classifier with the framework.
 */
package io.github.backprop4j.examples;
