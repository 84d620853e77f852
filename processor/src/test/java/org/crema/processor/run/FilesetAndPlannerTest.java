package org.crema.processor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesetAndPlannerTest {

    @Test
    void relativePathsGlobsAndMetadata(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data/b"));
        for (String f : List.of("data/a1.root", "data/a2.root", "data/b/c.root", "data/x.txt")) {
            Files.writeString(dir.resolve(f), "");
        }
        Path json = dir.resolve("sets/fs.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, """
                {"A": {"files": ["../data/a*.root", "/abs/file.root", "root://eos//x.root"],
                       "metadata": {"sample": "Aprocess", "year": 2017, "isMC": "True", "xsec": "12.5",
                                    "era": "B", "part": 3}},
                 "B": {"files": {"../data/**/c.root": "Tree"}}}""");
        Fileset fs = Fileset.read(json);
        assertThat(fs.datasets().keySet()).containsExactly("A", "B");
        Fileset.Dataset a = fs.datasets().get("A");
        assertThat(a.files()).containsExactly(dir.resolve("data/a1.root").toString(), dir.resolve("data/a2.root").toString(),
                "/abs/file.root", "root://eos//x.root");
        assertThat(a.info().sample()).isEqualTo("Aprocess");
        assertThat(a.info().year()).isEqualTo("2017");
        assertThat(a.info().isMC()).isTrue();
        assertThat(a.info().xsec()).isEqualTo(12.5);
        assertThat(a.info().era()).isEqualTo("B");
        assertThat(a.info().extra()).containsEntry("part", "3");
        assertThat(fs.datasets().get("B").files()).containsExactly(dir.resolve("data/b/c.root").toString());
        assertThat(fs.datasets().get("B").treeNames()).containsExactly("Tree");
    }

    @Test
    void malformedFilesetsNameTheProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> Fileset.parse("[1]", dir)).hasMessageContaining("top level must be an object");
        assertThatThrownBy(() -> Fileset.parse("{\"A\": {}}", dir)).hasMessageContaining("dataset 'A'")
                .hasMessageContaining("'files'");
        assertThatThrownBy(() -> Fileset.parse("{\"A\": {\"files\": [\"*.nothing\"]}}", dir))
                .isInstanceOf(FilesetException.class).hasMessageContaining("matches no file");
        assertThatThrownBy(() -> Fileset.parse("{\"A\": {\"files\": [], \"metadata\": {\"isMC\": \"maybe\"}}}", dir))
                .hasMessageContaining("isMC must be true or false, got maybe");
        assertThatThrownBy(() -> Fileset.parse("{\"A\": {\"files\": [], \"metadata\": {\"xsec\": -1}}}", dir))
                .hasMessageContaining("xsec of dataset 'A' must be finite and >= 0, got -1.0");
    }

    @Property(tries = 300)
    void chunksCoverTheFileFollowClustersAndRespectTheSize(@ForAll @LongRange(min = 0, max = 5000) long entries,
            @ForAll @Size(max = 12) List<@LongRange(min = 1, max = 5000) Long> clusterCuts,
            @ForAll @IntRange(min = 1, max = 2000) int chunkSize) {
        long[] starts = clusterCuts.stream().filter(c -> c < entries).distinct().sorted().mapToLong(Long::longValue)
                .toArray();
        List<long[]> chunks = ChunkPlanner.split(entries, starts, chunkSize);
        long pos = 0;
        for (long[] c : chunks) {
            assertThat(c[0]).isEqualTo(pos);
            assertThat(c[1]).isGreaterThan(c[0]);
            assertThat(c[1] - c[0]).isLessThanOrEqualTo(chunkSize);
            pos = c[1];
        }
        assertThat(pos).isEqualTo(entries);
        // a chunk starts at a cluster start, or inside a cluster too long for one chunk
        java.util.TreeSet<Long> clusters = new java.util.TreeSet<>();
        clusters.add(0L);
        for (long s : starts) {
            clusters.add(s);
        }
        for (long[] c : chunks) {
            if (!clusters.contains(c[0])) {
                long clusterStart = clusters.floor(c[0]);
                Long next = clusters.higher(c[0]);
                long clusterEnd = next == null ? entries : next;
                assertThat(clusterEnd - clusterStart).as("chunk %d-%d splits a short cluster", c[0], c[1])
                        .isGreaterThan(chunkSize);
            }
        }
    }

    @Test
    void smallClustersAreGrouped() {
        assertThat(ChunkPlanner.split(1000, new long[] {0, 100, 200, 300, 400, 500, 600, 700, 800, 900}, 350))
                .extracting(c -> c[0] + "-" + c[1]).containsExactly("0-300", "300-600", "600-900", "900-1000");
    }
}
