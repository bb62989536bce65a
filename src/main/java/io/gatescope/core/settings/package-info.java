/** The settings file: window, last hyperparameters and model, written atomically. */
package io.gatescope.core.settings;
