package org.crema.benchmarks.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crema.io.internal.compression.BlockCodec;
import org.crema.io.internal.compression.CodecException;
import org.crema.io.internal.compression.Codecs;

/**
 * Decode speed of each codec implementation on the compressed blocks of a file: the pure-Java
 * decoder and the native library (FFM) decode the same blocks in alternating rounds, so load from
 * other processes affects both alike. Blocks are found by scanning for ROOT block headers that the
 * Java decoder accepts.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     org.crema.benchmarks.io.CodecThroughput [--rounds 5] FILE...
 * </pre>
 */
public final class CodecThroughput {
    private CodecThroughput() {
    }

    private record Block(int offset, int compressed, int uncompressed) {
    }

    /**
     * @param args options and files
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int rounds = 5;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %-6s %8s %10s %-36s %10s %10s%n", "file", "codec", "blocks", "MB out",
                "implementation", "best MB/s", "median");
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String magic : List.of("ZL", "XZ", "ZS")) {
                BlockCodec javaCodec = Codecs.algorithm(magic).java();
                BlockCodec nativeCodec = Codecs.algorithm(magic).nativeCodec();
                List<Block> blocks = find(bytes, magic, javaCodec);
                if (blocks.isEmpty()) {
                    continue;
                }
                long out = blocks.stream().mapToLong(Block::uncompressed).sum();
                List<BlockCodec> codecs = nativeCodec == null ? List.of(javaCodec) : List.of(javaCodec, nativeCodec);
                double[][] t = new double[codecs.size()][rounds];
                for (BlockCodec c : codecs) {
                    decodeAll(bytes, blocks, c);
                }
                for (int r = 0; r < rounds; r++) {
                    for (int c = 0; c < codecs.size(); c++) {
                        long start = System.nanoTime();
                        decodeAll(bytes, blocks, codecs.get(c));
                        t[c][r] = (System.nanoTime() - start) / 1e9;
                    }
                }
                for (int c = 0; c < codecs.size(); c++) {
                    double[] s = t[c].clone();
                    Arrays.sort(s);
                    System.out.printf(Locale.ROOT, "%-22s %-6s %8d %10.1f %-36s %10.1f %10.1f%n",
                            file.getFileName(), magic, blocks.size(), out / 1e6, codecs.get(c).name(),
                            out / s[0] / 1e6, out / s[s.length / 2] / 1e6);
                }
            }
        }
    }

    private static void decodeAll(byte[] bytes, List<Block> blocks, BlockCodec codec) throws CodecException {
        byte[] out = new byte[0];
        for (Block b : blocks) {
            if (out.length < b.uncompressed()) {
                out = new byte[b.uncompressed()];
            }
            codec.decode(bytes, b.offset() + 9, b.compressed(), out, 0, b.uncompressed());
        }
    }

    private static List<Block> find(byte[] bytes, String magic, BlockCodec check) {
        List<Block> out = new ArrayList<>();
        byte[] probe = new byte[1 << 24];
        for (int i = 0; i + 9 < bytes.length; i++) {
            if (bytes[i] != magic.charAt(0) || bytes[i + 1] != magic.charAt(1)) {
                continue;
            }
            int c = le24(bytes, i + 3);
            int u = le24(bytes, i + 6);
            if (c <= 0 || u <= 0 || i + 9 + c > bytes.length) {
                continue;
            }
            try {
                check.decode(bytes, i + 9, c, probe, 0, u);
                out.add(new Block(i, c, u));
                i += 8 + c;
            } catch (CodecException e) {
                // not a block
            }
        }
        return out;
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }
}
