package io.gatescope.core.train;

import io.gatescope.core.engine.Quantity;

/**
 * How often a gate is nearly shut or nearly open: the share of its values (all units, steps and
 * probe images) below 0.1 and above 0.9. Students watch these grow as the gates learn to decide.
 */
public record GateSaturation(Quantity gate, double low, double high) {}
