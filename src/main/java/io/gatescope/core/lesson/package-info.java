/**
 * Lessons: ordered steps a teacher sets up once (workspace, input, unit, timestep, interventions,
 * hidden controls, caption and question in English and Simplified Chinese, an optional check) and
 * the {@code .gslesson} file that carries them. No JavaFX here.
 */
package io.gatescope.core.lesson;
