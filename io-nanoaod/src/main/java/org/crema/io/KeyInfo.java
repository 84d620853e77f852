package org.crema.io;

/**
 * One key of a ROOT directory: a stored object's name, cycle, class and title.
 *
 * @param name object name
 * @param cycle cycle number (ROOT keeps older cycles of rewritten objects)
 * @param className class of the stored object, e.g. {@code TTree}
 * @param title object title
 */
public record KeyInfo(String name, int cycle, String className, String title) {
}
