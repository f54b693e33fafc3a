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
  private Path dumps;
  private Path dumpedList;

  @BeforeEach
  void layout() throws IOException {
    copyScripts(root);
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
    dumps = root.resolve("dump-calls.txt");
    dumpedList = root.resolve("dumped-class-list.txt");
    // a class-data dump (-Xshare:dump) is recorded apart and writes the archive it is asked for
    script(root.resolve("jdk/bin/java"), """
        #!/usr/bin/env bash
        for a in "$@"; do
          if [[ $a == -Xshare:dump ]]; then
            echo dump >> "%s"
            [[ ${FAKE_DUMP_EXIT:-0} == 0 ]] || exit "$FAKE_DUMP_EXIT"
            for b in "$@"; do
              case $b in
                -XX:SharedArchiveFile=*) echo archive > "${b#-XX:SharedArchiveFile=}" ;;
                -XX:SharedClassListFile=*) cp "${b#-XX:SharedClassListFile=}" "%s" ;;
              esac
            done
            exit 0
          fi
        done
        printf '%%s\\n' "$@" > "%s"
        echo java-ran
        """.formatted(dumps, dumpedList, javaArgs));
  }

  /** The project's {@code jobs/local.sh} and what it sources, in a copy of the layout under {@code root}. */
  static void copyScripts(Path root) throws IOException {
    Path project = Cli.projectDir();
    Files.createDirectories(root.resolve("jobs/lib"));
    Files.createDirectories(root.resolve("jobs/conf"));
    Files.copy(project.resolve("jobs/local.sh"), root.resolve("jobs/local.sh"));
    Files.copy(project.resolve("jobs/lib/common.sh"), root.resolve("jobs/lib/common.sh"));
    Files.writeString(root.resolve("jobs/conf/log4j2.properties"), "# test\n");
  }

  /** What the class-data archive needs beside the fake java: the class list and a jar tool. */
  private void withClassDataSharing() throws IOException {
    Files.writeString(root.resolve("jobs/lib/cds-classes.lst"), """
        java/lang/Object id: 0
        @lambda-proxy java/lang/Object run ()Ljava/lang/Runnable; ()V
        @lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L
        x/A id: 1
        """);
    script(root.resolve("jdk/bin/jar"), """
        #!/usr/bin/env bash
        while [[ $# -gt 0 ]]; do
          case $1 in --file) echo jar > "$2"; shift ;; esac
          shift
        done
        """);
  }

  private long dumpCalls() throws IOException {
    return Files.exists(dumps) ? Files.readAllLines(dumps).size() : 0;
  }

  private static void script(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Run(int exit, String output) {}

  private Run run(String mvnExit) throws Exception {
    return run(java.util.Map.of("FAKE_MVN_EXIT", mvnExit));
  }

  private Run run(java.util.Map<String, String> env) throws Exception {
    Files.deleteIfExists(javaArgs);
    ProcessBuilder pb =
        new ProcessBuilder("bash", root.resolve("jobs/local.sh").toString(), "run", "--input", "in dir")
            .redirectErrorStream(true);
    pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    pb.environment().put("FAKE_MVN_EXIT", "0");
    pb.environment().remove("CORPUSLENS_MVN_ARGS");
    pb.environment().remove("CORPUSLENS_CDS");
    pb.environment().putAll(env);
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

  @Test
  void writesAClassDataArchiveOncePerBuildAndStartsWithIt() throws Exception {
    withClassDataSharing();
    String archiveFlag = "-XX:SharedArchiveFile=" + root.resolve("target/local/corpuslens.jsa");
    Run first = run();
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("writing a class-data archive", "java-ran");
    assertThat(dumpCalls()).isEqualTo(1);
    // the lambda-form holders are left out (a flight recording would crash the JVM on them), the
    // rest of the list is dumped as it is, and the filtered copy does not stay behind
    assertThat(Files.readAllLines(dumpedList))
        .containsExactly(
            "java/lang/Object id: 0",
            "@lambda-proxy java/lang/Object run ()Ljava/lang/Runnable; ()V",
            "x/A id: 1");
    try (var left = Files.list(root.resolve("target/local"))) {
      assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("corpuslens.jar", "corpuslens.jsa", "corpuslens.jsa.java", "cds-dump.log");
    }
    List<String> args = Files.readAllLines(javaArgs);
    assertThat(args).contains(archiveFlag);
    // the archive holds the classes of the jar it was written with: the run uses that jar
    assertThat(args.get(args.indexOf("-cp") + 1))
        .isEqualTo(root.resolve("target/local/corpuslens.jar") + ":/fake/spark.jar:/fake/hanlp.jar");

    Run second = run();
    assertThat(second.output()).doesNotContain("class-data archive").contains("java-ran");
    assertThat(dumpCalls()).as("written once per build").isEqualTo(1);
    assertThat(Files.readAllLines(javaArgs)).contains(archiveFlag);

    age("target/local/corpuslens.jsa", 90);
    age("target/local-build.stamp", 60);
    age("src/main/java/x/A.java", 30);
    assertThat(run().exit()).isZero();
    assertThat(mvnCalls()).isEqualTo(2);
    assertThat(dumpCalls()).as("a new build, a new archive").isEqualTo(2);
    assertThat(Files.readAllLines(javaArgs)).contains(archiveFlag);

    Run off = run(java.util.Map.of("CORPUSLENS_CDS", "off"));
    assertThat(off.exit()).isZero();
    args = Files.readAllLines(javaArgs);
    assertThat(args).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    assertThat(args.get(args.indexOf("-cp") + 1)).startsWith(root.resolve("target/classes") + ":");
  }

  @Test
  void anotherOrAnUpdatedJavaWritesTheArchiveAgain() throws Exception {
    withClassDataSharing();
    assertThat(run().exit()).isZero();
    assertThat(run().output()).doesNotContain("class-data archive");
    assertThat(dumpCalls()).isEqualTo(1);

    // the same java, updated: its lib/modules is newer than the archive's record of it
    age("target/local/corpuslens.jsa.java", 60);
    Files.createDirectories(root.resolve("jdk/lib"));
    Files.writeString(root.resolve("jdk/lib/modules"), "modules of an update\n");
    Run updated = run();
    assertThat(updated.exit()).as(updated.output()).isZero();
    assertThat(updated.output()).contains("writing a class-data archive", "another or an updated Java", "java-ran");
    assertThat(dumpCalls()).isEqualTo(2);
    assertThat(run().output()).doesNotContain("class-data archive");
    assertThat(dumpCalls()).isEqualTo(2);

    // another java: the archive is written by it, and the run then starts with it
    Path other = root.resolve("jdk2");
    Files.createDirectories(other.resolve("bin"));
    for (String tool : List.of("java", "jar")) {
      Files.copy(root.resolve("jdk/bin/" + tool), other.resolve("bin/" + tool));
    }
    Run switched = run(java.util.Map.of("JAVA_HOME", other.toString()));
    assertThat(switched.exit()).as(switched.output()).isZero();
    assertThat(switched.output()).contains("another or an updated Java", "java-ran");
    assertThat(dumpCalls()).isEqualTo(3);
    assertThat(Files.readString(root.resolve("target/local/corpuslens.jsa.java")).trim())
        .isEqualTo(other.resolve("bin/java").toRealPath().toString());
    assertThat(Files.readAllLines(javaArgs)).contains("-XX:SharedArchiveFile=" + root.resolve("target/local/corpuslens.jsa"));

    // back to the first one, whose failed dump is not retried with the same java before the next build
    Run back = run(java.util.Map.of("FAKE_DUMP_EXIT", "1"));
    assertThat(back.output()).contains("another or an updated Java", "no class-data archive");
    assertThat(Files.readAllLines(javaArgs)).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    assertThat(run(java.util.Map.of("FAKE_DUMP_EXIT", "1")).output()).doesNotContain("class-data archive");
    assertThat(dumpCalls()).isEqualTo(4);
  }

  @Test
  void aFailedDumpIsSaidOnceAndRunsStartWithoutAnArchive() throws Exception {
    withClassDataSharing();
    Run first = run(java.util.Map.of("FAKE_DUMP_EXIT", "1"));
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("no class-data archive", "java-ran");
    List<String> args = Files.readAllLines(javaArgs);
    assertThat(args).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    assertThat(args.get(args.indexOf("-cp") + 1)).startsWith(root.resolve("target/classes") + ":");

    Run second = run(java.util.Map.of("FAKE_DUMP_EXIT", "1"));
    assertThat(second.output()).doesNotContain("class-data archive").contains("java-ran");
    assertThat(dumpCalls()).as("not tried again before the next build").isEqualTo(1);
    assertThat(Files.list(root.resolve("target/local")).map(p -> p.getFileName().toString()))
        .as("no half-written archive or jar left").noneMatch(n -> n.contains(".tmp"));
  }

  @Test
  void withoutAJarToolRunsStartAsBefore() throws Exception {
    Files.writeString(root.resolve("jobs/lib/cds-classes.lst"), """
        java/lang/Object id: 0
        @lambda-proxy java/lang/Object run ()Ljava/lang/Runnable; ()V
        @lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L
        x/A id: 1
        """);
    Run first = run();
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).doesNotContain("class-data archive");
    assertThat(dumpCalls()).isZero();
    List<String> args = Files.readAllLines(javaArgs);
    assertThat(args.get(args.indexOf("-cp") + 1)).startsWith(root.resolve("target/classes") + ":");
  }
}
