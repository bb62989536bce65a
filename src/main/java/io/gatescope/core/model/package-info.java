/**
 * Model files: the GateScope zip (description and arrays, saved atomically, read within stated
 * sizes), DL4J import, and where the shipped model is.
 */
package io.gatescope.core.model;
