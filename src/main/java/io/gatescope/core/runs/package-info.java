/**
 * Finished training runs kept between sessions: one JSON file per run in the data folder, read
 * newest first, bad files skipped with a message.
 */
package io.gatescope.core.runs;
