/**
 * Looking into a trained model: unit orders for the heatmaps, equations with their numbers, gate
 * statistics, gradient flow per timestep, the LSTM/GRU/RNN comparison, and the test images it gets
 * wrong.
 */
package io.gatescope.core.inspect;
