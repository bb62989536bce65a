/**
 * What the window and the command line share, without JavaFX: messages in both languages, the table
 * of hyperparameter limits, the app folders, atomic file writes and the version.
 */
package io.gatescope.core;
