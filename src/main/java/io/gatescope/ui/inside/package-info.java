/**
 * The Inside workspace: one heatmap per gate and state, the equations of a cell with its numbers,
 * gate statistics, and interventions with the prediction before and after.
 */
package io.gatescope.ui.inside;
