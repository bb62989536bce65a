/**
 * The glass-box recurrent classifier, in float: one file per cell (LSTM, GRU, RNN) with exact
 * backpropagation through time on joint operands, gate traces and interventions, time-major
 * batches, and the native BLAS set-up.
 */
package io.gatescope.core.engine;
