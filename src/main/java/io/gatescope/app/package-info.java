/**
 * Start-up and wiring: the launcher (window or command line), the application with its settings and
 * crash dialog, the workbench that joins the session, view-models and views, and the headless
 * snapshot and UI-bench commands.
 */
package io.gatescope.app;
