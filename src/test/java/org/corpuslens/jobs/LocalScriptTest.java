package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/local.sh} builds only when the build is missing or older than the sources: the
 * script runs in a copy of the project's layout with a fake {@code mvn} (which records its calls and
 * writes what a build writes) and a fake {@code java} (which records its arguments), so the test
 * sees exactly when Maven runs and what Java is started with.
 */
class LocalScriptTest {
  @TempDir Path root;
  private Path calls;
  private Path javaArgs;

  @BeforeEach
  void layout() throws IOException {
    Path project = Cli.projectDir();
    Files.createDirectories(root.resolve("jobs/lib"));
    Files.createDirectories(root.resolve("jobs/conf"));
    Files.copy(project.resolve("jobs/local.sh"), root.resolve("jobs/local.sh"));
    Files.copy(project.resolve("jobs/lib/common.sh"), root.resolve("jobs/lib/common.sh"));
    Files.writeString(root.resolve("jobs/conf/log4j2.properties"), "# test\n");
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(root.resolve("src/main/java/x"));
    Files.writeString(root.resolve("src/main/java/x/A.java"), "class A {}\n");
    calls = root.resolve("mvn-calls.txt");
    javaArgs = root.resolve("java-args.txt");
    script(root.resolve("bin/mvn"), """
        #!/usr/bin/env bash
        echo "mvn $*" >> "%s"
        [[ ${FAKE_MVN_EXIT:-0} == 0 ]] || exit "$FAKE_MVN_EXIT"
        for a in "$@"; do
          case $a in -Dmdep.outputFile=*) echo "/fake/spark.jar:/fake/hanlp.jar" > "${a#-Dmdep.outputFile=}" ;; esac
        done
        mkdir -p target/classes/org/corpuslens
        echo "-XX:+IgnoreUnrecognizedVMOptions -Dfake.flag=1" > target/classes/org/corpuslens/jvm-flags.txt
        """.formatted(calls));
    script(root.resolve("jdk/bin/java"), """
        #!/usr/bin/env bash
        printf '%%s\\n' "$@" > "%s"
        echo java-ran
        """.formatted(javaArgs));
  }

  private static void script(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Run(int exit, String output) {}

  private Run run(String mvnExit) throws Exception {
    Files.deleteIfExists(javaArgs);
    ProcessBuilder pb =
        new ProcessBuilder("bash", root.resolve("jobs/local.sh").toString(), "run", "--input", "in dir")
            .redirectErrorStream(true);
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    pb.environment().put("FAKE_MVN_EXIT", mvnExit);
    pb.environment().remove("CORPUSLENS_MVN_ARGS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private Run run() throws Exception {
    return run("0");
  }

  private long mvnCalls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
  }

  private void age(String path, long secondsAgo) throws IOException {
    Files.setLastModifiedTime(root.resolve(path), FileTime.from(Instant.now().minusSeconds(secondsAgo)));
  }

  @Test
  void buildsOnceThenStartsJavaDirectly() throws Exception {
    Run first = run();
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(mvnCalls()).isEqualTo(1);
    assertThat(Files.readString(calls)).contains("compile", "dependency:build-classpath");
    assertThat(first.output()).contains("java-ran");

    Run second = run();
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(mvnCalls()).as("up to date: no Maven").isEqualTo(1);
    assertThat(second.output()).doesNotContain("building").contains("java-ran");
    List<String> args = Files.readAllLines(javaArgs);
    assertThat(args).contains("-Dfake.flag=1", "-Xmx4g", "org.corpuslens.jobs.CorpusLens", "in dir");
    assertThat(args.get(args.indexOf("-cp") + 1))
        .isEqualTo(root.resolve("target/classes") + ":/fake/spark.jar:/fake/hanlp.jar");
    assertThat(args.subList(args.indexOf("org.corpuslens.jobs.CorpusLens") + 1, args.size()))
        .containsExactly("run", "--input", "in dir");
  }

  @Test
  void rebuildsWhenASourceOrThePomChanged() throws Exception {
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).isEqualTo(1);

    age("target/local-build.stamp", 60);
    age("src/main/java/x/A.java", 30);
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).as("an edited source").isEqualTo(2);
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).isEqualTo(2);

    age("target/local-build.stamp", 60);
    age("src/main/java/x", 120);
    Files.writeString(root.resolve("src/main/java/x/B.java"), "class B {}\n");
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).as("a new source").isEqualTo(3);

    age("target/local-build.stamp", 60);
    age("pom.xml", 30);
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).as("an edited pom").isEqualTo(4);
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).isEqualTo(4);
  }

  @Test
  void aFailedBuildStopsBeforeJavaAndIsRetried() throws Exception {
    Run failed = run("1");
    assertThat(failed.exit()).isNotZero();
    assertThat(failed.output()).doesNotContain("java-ran");
    assertThat(Files.exists(javaArgs)).isFalse();
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).as("the failed build is not taken for an up-to-date one").isEqualTo(2);
    assertThat(Files.exists(root.resolve("target/local-build.stamp.new"))).isFalse();
  }
}
