/**
 * The Units workspace: one index of the test set's traces (built once, off the FX thread), a card
 * per unit (its top images, means per digit and per step, gate histograms, the accuracy lost when
 * it is silenced), a pattern search brushed on the shown digit's map, and the state map (PCA of a
 * or c) with the shown digit's path.
 */
package io.gatescope.ui.units;
