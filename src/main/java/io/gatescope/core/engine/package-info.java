/**
 * The glass-box recurrent classifier: LSTM, GRU and RNN layers with exact backpropagation through
 * time, gate traces and interventions, time-major batches, and the native BLAS set-up.
 */
package io.gatescope.core.engine;
