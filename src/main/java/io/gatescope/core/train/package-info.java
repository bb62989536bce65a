/**
 * Training: the configuration, the blocking training loop with pause and cancel, the optimiser,
 * evaluation on the test set, and teaching a model one drawing.
 */
package io.gatescope.core.train;
