package org.crema.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code crema} launcher script in a copy of the project's layout where {@code mvnw} and
 * {@code java} are stand-ins that record how they were called (the real ones would install into the
 * Maven repository and start crema): which jar it builds and runs, with which class path and options.
 */
class LauncherScriptTest {
    private static final Path ROOT = Path.of(System.getProperty("crema.root", "..")).toAbsolutePath().normalize();
    private Path tree;
    private Path log;

    /** Exit code and standard error of one launcher run. */
    record Run(int exit, String err) {
    }

    @BeforeEach
    void layout(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        tree = Files.createDirectories(tmp.resolve("crema"));
        log = Files.createDirectories(tmp.resolve("log"));
        Files.copy(ROOT.resolve("crema"), tree.resolve("crema"));
        Files.createDirectories(tree.resolve("executor-spark"));
        Files.copy(ROOT.resolve("executor-spark/pom.xml"), tree.resolve("executor-spark/pom.xml"));
        Files.createDirectories(tree.resolve("cli/src/main/java"));
        Files.writeString(tree.resolve("cli/src/main/java/Main.java"), "class Main {}\n");
        // The stand-in build makes what the real one makes (both jars and Spark's class path), unless
        // MAKES says otherwise, and logs its arguments.
        script(tree.resolve("mvnw"), """
                #!/usr/bin/env bash
                echo "mvnw $*" >> "$LOG/calls"
                mkdir -p cli/target executor-spark/target
                case " ${MAKES:-crema spark classpath} " in *" crema "*) : > cli/target/crema.jar ;; esac
                case " ${MAKES:-crema spark classpath} " in *" spark "*) : > executor-spark/target/crema-spark.jar ;; esac
                case " ${MAKES:-crema spark classpath} " in
                  *" classpath "*) printf '%s' "$LOG/spark-core.jar:$LOG/scala-library.jar" > executor-spark/target/spark-classpath.txt ;;
                esac
                """);
        Files.writeString(log.resolve("spark-core.jar"), "");
        Files.writeString(log.resolve("scala-library.jar"), "");
        script(tree.resolve("jdk/bin/java"), """
                #!/usr/bin/env bash
                if [ "${1:-}" = -XshowSettings:properties ]; then echo "    java.specification.version = 25" >&2; exit 0; fi
                echo "java" >> "$LOG/calls"
                printf '%s\\n' "$@" > "$LOG/java-args"
                printf '%s' "${COLUMNS:-unset}" > "$LOG/java-columns"
                """);
    }

    private static void script(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run crema(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add("/bin/bash");
        pb.command().add(tree.resolve("crema").toString());
        pb.command().addAll(List.of(args));
        pb.environment().keySet().removeIf(k -> k.startsWith("CREMA_") || k.equals("MAKES") || k.equals("COLUMNS"));
        pb.environment().put("JAVA_HOME", tree.resolve("jdk").toString());
        pb.environment().put("LOG", log.toString());
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(log.resolve("stderr").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(log.resolve("stderr")));
    }

    private List<String> calls() throws IOException {
        Path f = log.resolve("calls");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private List<String> javaArgs() throws IOException {
        return Files.readAllLines(log.resolve("java-args"));
    }

    private String classPath() throws IOException {
        List<String> a = javaArgs();
        return a.get(a.indexOf("-cp") + 1);
    }

    @Test
    void theSparkExecutorRunsCremaSparkJarWithSparksJarsAndModuleOptions() throws Exception {
        Run r = crema(Map.of(), "run", "--processor", "P", "--fileset", "f.json", "--executor", "spark", "--master",
                "local[2]");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(calls()).containsExactly("mvnw -B -q install -DskipTests", "java");
        assertThat(classPath()).isEqualTo(tree.resolve("executor-spark/target/crema-spark.jar") + ":"
                + log.resolve("spark-core.jar") + ":" + log.resolve("scala-library.jar"));
        List<String> a = javaArgs();
        assertThat(a).contains("--add-modules", "jdk.incubator.vector", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");
        // No start-up cache: it is recorded for crema.jar's class path (one java call, no recording run).
        assertThat(a).noneMatch(s -> s.startsWith("-XX:AOTCache"));
        assertThat(a.subList(a.indexOf("org.crema.cli.Main"), a.size())).containsExactly("org.crema.cli.Main", "run",
                "--processor", "P", "--fileset", "f.json", "--executor", "spark", "--master", "local[2]");
    }

    @Test
    void anUpToDateSparkJarIsNotRebuiltAndAChangedSourceIsBuilt() throws Exception {
        assertThat(crema(Map.of(), "run", "--executor=spark").exit()).isZero();
        assertThat(crema(Map.of(), "run", "--executor=spark").exit()).isZero();
        assertThat(calls()).containsExactly("mvnw -B -q install -DskipTests", "java", "java");
        assertThat(classPath()).startsWith(tree.resolve("executor-spark/target/crema-spark.jar") + ":");

        Files.setLastModifiedTime(tree.resolve("cli/src/main/java/Main.java"),
                FileTime.from(Instant.now().plusSeconds(3600)));
        assertThat(crema(Map.of(), "run", "--executor", "spark").exit()).isZero();
        assertThat(calls()).containsExactly("mvnw -B -q install -DskipTests", "java", "java",
                "mvnw -B -q install -DskipTests", "java");
    }

    @Test
    void aTerminalsWidthReachesTheJvmInColumns() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) && Files.isExecutable(Path.of("/bin/stty")),
                "needs script(1) and stty(1) to give the launcher a terminal");
        // script(1) runs the launcher on a pseudo-terminal 132 columns wide, as an interactive shell would
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec",
                "stty cols 132 rows 40; /bin/bash " + tree.resolve("crema") + " hist out", "/dev/null");
        pb.environment().keySet().removeIf(k -> k.startsWith("CREMA_") || k.equals("COLUMNS"));
        pb.environment().put("JAVA_HOME", tree.resolve("jdk").toString());
        pb.environment().put("LOG", log.toString());
        pb.environment().put("CREMA_AOT", "0");
        pb.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        assertThat(Files.readString(log.resolve("java-columns"))).isEqualTo("132");

        // not on a terminal (a pipe, a batch job): nothing is made up, the command's own default applies
        assertThat(crema(Map.of("CREMA_AOT", "0"), "hist", "out").exit()).isZero();
        assertThat(Files.readString(log.resolve("java-columns"))).isEqualTo("unset");
    }

    @Test
    void otherCommandsAndTheLocalExecutorRunCremaJar() throws Exception {
        Map<String, String> noCache = Map.of("CREMA_AOT", "0");
        assertThat(crema(noCache, "run", "--processor", "P", "--executor", "local").exit()).isZero();
        assertThat(classPath()).isEqualTo(tree.resolve("cli/target/crema.jar").toString());
        assertThat(javaArgs()).doesNotContain("--add-opens=java.base/java.lang=ALL-UNNAMED");
        // "spark" as another option's value, or outside `run`, is not the executor.
        assertThat(crema(noCache, "inspect", "--executor", "spark").exit()).isZero();
        assertThat(classPath()).isEqualTo(tree.resolve("cli/target/crema.jar").toString());
        assertThat(crema(noCache, "run", "--output", "spark").exit()).isZero();
        assertThat(classPath()).isEqualTo(tree.resolve("cli/target/crema.jar").toString());
        assertThat(calls()).containsExactly("mvnw -B -q install -DskipTests", "java", "java", "java");
    }

    @Test
    void whenTheBuildDoesNotMakeTheSparkJarOneLineSaysHowToGetIt() throws Exception {
        Run r = crema(Map.of("MAKES", "crema"), "run", "--executor", "spark");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("crema: building (first run or sources changed)…\n"
                + "crema: --executor spark needs executor-spark/target/crema-spark.jar and spark-classpath.txt; build"
                + " it with: ./mvnw -B package -pl executor-spark -am -DskipTests (see docs/scale-out.md)\n");
        assertThat(calls()).containsExactly("mvnw -B -q install -DskipTests");
    }

    @Test
    void aMissingSparkJarOfTheClassPathIsNamed() throws Exception {
        assertThat(crema(Map.of(), "run", "--executor", "spark").exit()).isZero();
        Files.delete(log.resolve("scala-library.jar"));
        Run r = crema(Map.of(), "run", "--executor", "spark");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("crema: --executor spark: " + log.resolve("scala-library.jar") + " (listed in"
                + " executor-spark/target/spark-classpath.txt) is missing; build it with: ./mvnw -B package -pl"
                + " executor-spark -am -DskipTests (see docs/scale-out.md)\n");
    }
}
