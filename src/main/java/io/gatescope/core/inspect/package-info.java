/**
 * Looking into a trained model: unit orders for the heatmaps, equations with their numbers, gate
 * statistics, gradient flow per timestep, the LSTM/GRU/RNN comparison, the test images it gets
 * wrong, and the unit explorer's core: the index of a test set's traces ({@code TraceIndex}), unit
 * rankings and profiles, the silencing drop, select-and-match pattern search, and the state map
 * (PCA of a⟨t⟩ or c⟨t⟩).
 */
package io.gatescope.core.inspect;
