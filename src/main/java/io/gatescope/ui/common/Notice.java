package io.gatescope.ui.common;

/**
 * A short message the window shows where it is seen, over the workspaces (not only in the status
 * bar, which a small screen may cut): "training ended", "model saved", "language from the next
 * start".
 *
 * @param title what happened, in a few words
 * @param text the details, as the status bar says them
 */
public record Notice(String title, String text) {}
