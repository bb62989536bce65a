/** The main window: menus, one tab per workspace, status bar, notices and the quit guard. */
package io.gatescope.ui.shell;
