/**
 * The command line: picocli commands (train, evaluate, predict, inspect, bench) with shared options
 * as mixins and every help text from one bundle. Runs on the same core as the window.
 */
package io.gatescope.cli;
