package org.crema.cli.processors;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.crema.io.NameSuggestions;
import org.crema.processor.Processor;

/**
 * Finds the {@link Processor} classes a {@code crema run --processor} can use: public, concrete, with a
 * public no-argument constructor, on the class path (the launcher's jar and {@code CREMA_CLASSPATH}).
 * Only classes whose simple name ends in {@code Processor} are loaded, so a scan of a large class path
 * does not initialise every class it meets.
 */
public final class ProcessorCatalog {
    private ProcessorCatalog() {
    }

    /** @return fully qualified names of the usable processors, sorted */
    public static List<String> available() {
        TreeSet<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith("Processor.class")).forEach(f -> names.add(
                            p.relativize(f).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "")));
                } catch (IOException | java.io.UncheckedIOException e) {
                    // an unreadable class path folder holds no processor we could load anyway
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        String n = e.nextElement().getName();
                        if (n.endsWith("Processor.class") && !n.startsWith("META-INF/")) {
                            names.add(n.replace('/', '.').replaceAll("\\.class$", ""));
                        }
                    }
                } catch (IOException e) {
                    // as above
                }
            }
        }
        // The examples ship with crema; on a module path they are not on java.class.path.
        names.add("org.crema.examples.ZMuMuProcessor");
        names.add("org.crema.examples.TtbarAgcProcessor");
        names.add("org.crema.examples.EventCountProcessor");
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (usable(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean usable(String name) {
        try {
            Class<?> c = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            if (!Processor.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers())
                    || !Modifier.isPublic(c.getModifiers()) || c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
                return false;
            }
            return Modifier.isPublic(c.getConstructor().getModifiers());
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param wanted what the user typed
     * @param candidates known names
     * @return the closest candidate by edit distance of the full or the simple name, or {@code null}
     *     when none is close (more than a third of the typed name differs)
     */
    public static String closest(String wanted, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String simple = c.substring(c.lastIndexOf('.') + 1);
            String wantedSimple = wanted.substring(wanted.lastIndexOf('.') + 1);
            int d = Math.min(NameSuggestions.distance(wanted.toLowerCase(), c.toLowerCase()),
                    NameSuggestions.distance(wantedSimple.toLowerCase(), simple.toLowerCase()));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        String simple = wanted.substring(wanted.lastIndexOf('.') + 1);
        return best != null && bestDistance <= Math.max(2, simple.length() / 3) ? best : null;
    }
}
