package org.crema.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for a failed file operation. The JDK's file-system exceptions often carry only the path
 * as their message ({@code DirectoryNotEmptyException: out/result.ser}), which reads like no
 * reason at all: this names the path and says what was wrong with it.
 */
public final class IoFailures {
    private IoFailures() {
    }

    /**
     * @param e a wrapped I/O failure whose message gives the context ("cannot write run output to out")
     * @return the context, then the path and the cause when the context does not already say them
     */
    public static String describe(UncheckedIOException e) {
        String context = e.getMessage();
        IOException cause = e.getCause();
        if (!(cause instanceof FileSystemException f) || f.getReason() != null) {
            return context;
        }
        String path = f.getFile();
        String what = path + ": " + reason(f) + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "");
        // the context usually ends with the cause's own message, which is only the path
        if (context != null && context.endsWith(": " + f.getMessage())) {
            context = context.substring(0, context.length() - f.getMessage().length() - 2);
        }
        return context == null || context.equals(f.getMessage()) ? what : context + ": " + what;
    }

    static String reason(FileSystemException f) {
        return switch (f) {
            case DirectoryNotEmptyException _ -> "a folder that is not empty is in the way";
            case FileAlreadyExistsException _ -> "already exists (and is in the way)";
            case NotDirectoryException _ -> "is not a folder";
            case AccessDeniedException _ -> "permission denied";
            case NoSuchFileException _ -> "no such file or folder";
            default -> f.getClass().getSimpleName();
        };
    }
}
