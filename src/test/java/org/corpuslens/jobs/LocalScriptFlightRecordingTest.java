package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/local.sh}'s class-data archive with this JDK, for real: a flight recording (or any
 * class-file load hook) must not crash a JVM that maps it. On JDK 17 an archive holding the class
 * list's regenerated lambda-form holders ({@code @lambda-form-invoker} lines) does: SIGSEGV in
 * {@code check_shared_class_file_load_hook} at the first bound method handle species the program
 * needs (found by a profiling run of 新闻联播, and reproduced with the small program below).
 *
 * <p>The script runs in a copy of the project's layout whose "build" is one class: a stand-in for
 * {@code org.corpuslens.jobs.CorpusLens} that binds primitive arguments to method handles (what
 * Spark's closure deserialisation does), and a class list made of the project's own list's
 * lambda-form lines plus that class. The archive is written by the script with the real {@code java}
 * and {@code jar} of this JDK (a few seconds for so short a list).
 */
class LocalScriptFlightRecordingTest {
  @TempDir Path root;

  private static final String MAIN = """
      package org.corpuslens.jobs;
      import java.lang.invoke.*;
      public class CorpusLens {
        public static void main(String[] args) throws Throwable {
          MethodHandle h = MethodHandles.lookup().findStatic(CorpusLens.class, "f",
              MethodType.methodType(long.class, int.class, long.class, double.class, Object.class));
          for (int i = 0; i < 3; i++) {
            h = MethodHandles.insertArguments(h, 0, i);
            h = MethodHandles.dropArguments(h, 0, int.class);
          }
          System.out.println("bound handles gave " + h.invokeWithArguments(40, 2L, 3.0, "x"));
        }
        static long f(int a, long b, double c, Object d) { return a + b; }
      }
      """;

  @Test
  void aFlightRecordingRunsWithTheArchive() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    assumeThat(Files.isExecutable(javaHome.resolve("bin/jar"))).as("a JDK with a jar tool").isTrue();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assumeThat(javac).as("a JDK with a compiler").isNotNull();

    LocalScriptTest.copyScripts(root);
    Path project = Cli.projectDir();
    List<String> lambdaForms =
        Files.readAllLines(project.resolve("jobs/lib/cds-classes.lst"), StandardCharsets.UTF_8).stream()
            .filter(l -> l.startsWith("@lambda-form-invoker"))
            .collect(Collectors.toList());
    assertThat(lambdaForms).as("the project's class list names lambda forms").isNotEmpty();
    Files.writeString(
        root.resolve("jobs/lib/cds-classes.lst"),
        "org/corpuslens/jobs/CorpusLens id: 1\n" + String.join("\n", lambdaForms) + "\n");

    // the "build": sources, then the one class, the class path and the flags, then the stamp
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Path source = root.resolve("src/main/java/org/corpuslens/jobs/CorpusLens.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, MAIN, StandardCharsets.UTF_8);
    Path classes = root.resolve("target/classes");
    Files.createDirectories(classes.resolve("org/corpuslens"));
    assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
    Files.createDirectories(root.resolve("target/lib"));
    Files.writeString(root.resolve("target/classpath.txt"), root.resolve("target/lib") + "\n");
    Files.writeString(classes.resolve("org/corpuslens/jvm-flags.txt"), "-Xss2m\n");
    Instant past = Instant.now().minusSeconds(60);
    for (Path p : List.of(root.resolve("pom.xml"), source, source.getParent(), root.resolve("src/main"))) {
      Files.setLastModifiedTime(p, FileTime.from(past));
    }
    Files.writeString(root.resolve("target/local-build.stamp"), "");

    Path recording = root.resolve("run.jfr");
    ProcessBuilder pb =
        new ProcessBuilder("bash", root.resolve("jobs/local.sh").toString()).directory(root.toFile()).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", javaHome.toString());
    pb.environment().remove("CORPUSLENS_CDS");
    pb.environment().put("CORPUSLENS_JAVA_OPTS", "-Xmx128m -XX:StartFlightRecording=filename=" + recording);
    pb.environment().put("PATH", "/usr/bin:/bin"); // no mvn needed: the build is up to date
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.size(root.resolve("target/local/corpuslens.jsa")))
        .as("the archive was written: " + out)
        .isPositive();
    assertThat(out).doesNotContain("no class-data archive", "building");
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as("a = 0 bound first, b = 2").contains("bound handles gave 2\n");
    assertThat(recording).isNotEmptyFile();
  }
}
