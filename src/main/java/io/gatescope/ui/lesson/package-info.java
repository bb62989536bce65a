/**
 * The lesson bar: a lesson's steps applied to the window (workspace, input, unit, timestep,
 * interventions, hidden controls), its caption, question and live check, and a teacher's recording
 * and editing of steps.
 */
package io.gatescope.ui.lesson;
