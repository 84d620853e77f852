package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Header, streamer-info and cluster metadata agree with each other on every sample. */
class FileMetadataTest {

    static Stream<Path> bundled() {
        return TestData.bundledRootFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void streamerVersionsMatchTheStreamedTrees(Path file) {
        try (RootFile rf = RootFile.open(file)) {
            var versions = rf.streamerClassVersions();
            assertThat(versions).containsKeys("TTree", "TBranch", "TLeaf");
            for (String name : rf.treeNames()) {
                Tree t = rf.tree(name);
                assertThat(t.classVersion()).as(name).isEqualTo(versions.get("TTree"));
                long[] starts = t.clusterStarts();
                if (t.entries() > 0) {
                    assertThat(starts[0]).isZero();
                    for (int i = 1; i < starts.length; i++) {
                        assertThat(starts[i]).isGreaterThan(starts[i - 1]).isLessThan(t.entries());
                    }
                } else {
                    assertThat(starts).isEmpty();
                }
            }
            assertThat(rf.tree(rf.treeNames().get(0))).isSameAs(rf.tree(rf.treeNames().get(0)));
        }
    }
}
