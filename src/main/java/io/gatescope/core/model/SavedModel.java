package io.gatescope.core.model;

import io.gatescope.core.engine.RecurrentClassifier;

/** A model and what its file says about it. */
public record SavedModel(RecurrentClassifier model, TrainingSummary summary, String source) {}
