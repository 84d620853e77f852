package org.crema.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the crema version from the jar manifest, or "development" when run from classes. */
public final class CremaVersion implements IVersionProvider {
    /** @return the version of the running crema build */
    public static String current() {
        String v = CremaVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"crema " + current() + " (Java " + Runtime.version() + ")"};
    }
}
