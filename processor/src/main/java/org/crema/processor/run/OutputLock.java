package org.crema.processor.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.crema.processor.ProcessorException;

/**
 * An exclusive lock on an output folder for the duration of a run, so that two runs never write
 * checkpoints and results into one folder at once. It is an operating-system lock on
 * {@code .crema.lock} in the folder: released when the run ends or its JVM dies, so a killed run never
 * leaves the folder locked. The file records who holds the lock, for the refusal message.
 */
final class OutputLock implements AutoCloseable {
    static final String FILE = ".crema.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param dir the output folder (created if needed)
     * @return the held lock
     * @throws ProcessorException if another run holds it, naming the folder and that run's process
     */
    static OutputLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by another run in this JVM
            }
            if (l == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                ch.close();
                throw new ProcessorException("output folder " + dir.toAbsolutePath() + " is in use by another crema run"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish or choose another"
                        + " --output folder");
            }
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " since "
                    + java.time.Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new OutputLock(ch, l);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // the lock was never taken
                }
            }
            throw new UncheckedIOException("cannot lock output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the output folder lock: " + e.getMessage(), e);
        }
    }
}
