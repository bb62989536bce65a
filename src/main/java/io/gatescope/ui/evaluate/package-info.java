/**
 * The Evaluate workspace: confusion matrix and mistakes of the current model, gradient flow per
 * timestep, and the LSTM/GRU/RNN comparison.
 */
package io.gatescope.ui.evaluate;
