/**
 * Optional for users: what sits around the training step once a learner has written it by hand.
 * Nothing here is needed to train a network; the lessons write the loop out first, and the
 * classes of this module replace that loop only where it would hide nothing worth reading.
 */
package io.github.backprop4j.train;
