package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.corpuslens.io.StagedOutput;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --incremental}, each run in its own JVM: a generated archive (duplicates, near-duplicates
 * and broken posts included) arriving in four batches of days, updated batch by batch, must give
 * exactly the tables of one full run over all of it; a changed, a deleted and a re-recorded file
 * with hand-known outcomes; a settings change forcing a full run; and a run halted at each step of
 * the commit, followed by a run that must reach the full run's tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalRunIT {
  static final String[] TABLES = {
    "articles", "rejects", "term_frequencies", "topic_trends", "topic_trends_by_source", "source_stats",
    "syndication", "topic_index", "topic_mentions", "term_keyness", "term_changes"
  };
  private static final Pattern RFC_DAY = Pattern.compile("^date: \\w{3}, (\\d{2}) \\w{3} \\d{4}", Pattern.MULTILINE);
  private static final Pattern ISO_DAY = Pattern.compile("^date: \\d{4}-\\d{2}-(\\d{2})", Pattern.MULTILINE);

  private Path tmp;
  private Duck duck;
  /** The generated posts, relative to the generator's output, in four batches of days. */
  private final List<List<Path>> batches = new ArrayList<>();
  private Path generated;

  @BeforeAll
  void generate(@TempDir Path tempDir) throws Exception {
    tmp = tempDir;
    duck = new Duck();
    generated = tmp.resolve("generated");
    Cli.Result g = Cli.run(tmp.resolve("generate.log"), "generate", "--articles", "240", "--output", generated.toString(),
        "--seed", "16", "--from", "2022-01-01", "--to", "2022-01-12");
    assertThat(g.exitCode()).as(g.output()).isZero();
    TreeMap<Integer, List<Path>> byDay = new TreeMap<>();
    try (Stream<Path> files = Files.walk(generated.resolve("source"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        Matcher m = RFC_DAY.matcher(text);
        Matcher iso = ISO_DAY.matcher(text);
        int day = m.find() ? Integer.parseInt(m.group(1)) : iso.find() ? Integer.parseInt(iso.group(1)) : 0;
        byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(generated.relativize(f));
      }
    }
    long total = byDay.values().stream().mapToLong(List::size).sum();
    List<Path> batch = new ArrayList<>();
    for (List<Path> day : byDay.values()) { // whole days, about a quarter of the posts per batch
      batch.addAll(day);
      if (batch.size() * 4L >= total * (batches.size() + 1) - batches.stream().mapToLong(List::size).sum() * 4L
          && batches.size() < 3) {
        batches.add(batch);
        batch = new ArrayList<>();
      }
    }
    batches.add(batch);
    assertThat(batches).hasSize(4);
    assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeGreaterThan(20));
  }

  @AfterAll
  void close() throws Exception {
    duck.close();
  }

  /** Copies batches {@code from..to-1} of the generated posts into {@code archive}, same relative paths. */
  private void arrive(Path archive, int from, int to) throws IOException {
    for (int b = from; b < to; b++) {
      for (Path rel : batches.get(b)) {
        Path dest = archive.resolve(rel);
        Files.createDirectories(dest.getParent());
        Files.copy(generated.resolve(rel), dest);
      }
    }
  }

  private Cli.Result run(String name, List<String> jvm, String... args) throws Exception {
    return Cli.run(tmp.resolve(name + ".log"), Map.of(), jvm, args);
  }

  private Cli.Result ok(String name, String... args) throws Exception {
    Cli.Result r = run(name, List.of(), args);
    assertThat(r.exitCode()).as(r.output()).isZero();
    return r;
  }

  private JsonNode summary(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
  }

  /** Every table of {@code a} has exactly the rows of {@code b}'s (multisets, ids included). */
  private void assertSameTables(Path a, Path b) throws Exception {
    for (String t : TABLES) {
      String x = Duck.table(a, t);
      String y = Duck.table(b, t);
      Map<String, Object> d = duck.query("SELECT (SELECT count(*) FROM " + x + ") AS a_rows, (SELECT count(*) FROM " + y
          + ") AS b_rows, (SELECT count(*) FROM (SELECT * FROM " + x + " EXCEPT ALL SELECT * FROM " + y + ")) AS a_only, "
          + "(SELECT count(*) FROM (SELECT * FROM " + y + " EXCEPT ALL SELECT * FROM " + x + ")) AS b_only").get(0);
      assertThat(d).as(t + " of " + a + " vs " + b)
          .containsEntry("a_only", 0L).containsEntry("b_only", 0L)
          .satisfies(m -> assertThat(m.get("a_rows")).isEqualTo(m.get("b_rows")));
    }
  }

  @Test
  void dayByDayIncrementalRunsEqualOneFullRun() throws Exception {
    Path archive = tmp.resolve("daily/archive");
    Path out = tmp.resolve("daily/out");
    arrive(archive, 0, 1);
    int appended = 0;
    Cli.Result first = ok("daily-0", "run", "--input", archive.toString(), "--output", out.toString(), "--incremental", "--no-report");
    assertThat(first.output()).contains("corpuslens: --incremental: full run, there is no earlier output at");
    assertThat(summary(out).get("mode").asText()).isEqualTo("full");
    for (int day = 1; day < 4; day++) {
      arrive(archive, day, day + 1);
      Cli.Result r = ok("daily-" + day, "run", "--input", archive.toString(), "--output", out.toString(), "--incremental", "--no-report");
      assertThat(r.output()).doesNotContain("full run,");
      JsonNode s = summary(out);
      assertThat(s.get("mode").asText()).isEqualTo("incremental");
      assertThat(s.at("/incremental/files_new").asLong()).isEqualTo(batches.get(day).size());
      assertThat(s.at("/incremental/files_changed").asLong()).isZero();
      assertThat(s.at("/incremental/files_unchanged").asLong())
          .isEqualTo(batches.subList(0, day).stream().mapToLong(List::size).sum());
      assertThat(s.at("/incremental/read_this_run/input_files").asLong()).isEqualTo(batches.get(day).size());
      // the new articles are marked against the stored keys and the earlier rows stand, unless a new
      // article changes a stored mark: then the whole table is marked again, said in one line
      String marked = s.at("/incremental/duplicates_marked").asText();
      if (marked.equals("new articles against the stored keys")) {
        appended++;
        assertThat(r.output()).doesNotContain("duplicates marked again");
      } else {
        assertThat(marked).startsWith("whole articles table: ");
        assertThat(r.output()).contains("corpuslens: --incremental: duplicates marked again over the " + marked);
      }
    }
    // the batches are days of the month: the generator's posts of 31 December arrive with the last
    // batch, and one of them is earlier than a stored near-duplicate group's kept article of 1 January
    assertThat(appended).as("updates that added their articles to the stored ones").isEqualTo(2);
    Path full = tmp.resolve("daily/full");
    ok("daily-full", "run", "--input", archive.toString(), "--output", full.toString(), "--no-report");
    assertSameTables(out, full);
    JsonNode inc = summary(out);
    JsonNode all = summary(full);
    for (String field : List.of("input_files", "articles", "rejects", "duplicates", "near_duplicates", "rejects_by_reason")) {
      assertThat(inc.get(field)).as(field).isEqualTo(all.get(field));
    }
    // ground truth of the generator: every post accounted for
    assertThat(all.get("input_files").asLong()).isEqualTo(batches.stream().mapToLong(List::size).sum());

    // nothing new: said, and the tables are not rewritten
    long before = Files.getLastModifiedTime(out.resolve("run_summary.json")).toMillis();
    Cli.Result idle = ok("daily-idle", "run", "--input", archive.toString(), "--output", out.toString(), "--incremental", "--no-report");
    assertThat(idle.output()).contains("nothing new, changed since the previous run");
    assertThat(Files.getLastModifiedTime(out.resolve("run_summary.json")).toMillis()).isEqualTo(before);
    assertSameTables(out, full);

    // a settings change that alters stored rows: a full run, said in one line naming it
    Cli.Result weekly = ok("daily-week", "run", "--input", archive.toString(), "--output", out.toString(), "--incremental",
        "--period", "week", "--no-report");
    assertThat(weekly.output().lines().filter(l -> l.startsWith("corpuslens: --incremental: full run,")).toList())
        .singleElement().asString().contains("period (month → week)");
    assertThat(summary(out).get("mode").asText()).isEqualTo("full");

    // another segmentation standard cuts the stored tokens otherwise: a full run too
    Cli.Result pku = ok("daily-pku", "run", "--input", archive.toString(), "--output", out.toString(), "--incremental",
        "--period", "week", "--segmentation-standard", "pku", "--no-report");
    assertThat(pku.output().lines().filter(l -> l.startsWith("corpuslens: --incremental: full run,")).toList())
        .singleElement().asString().contains("segmentation_standard (msr → pku)").doesNotContain("period");
    assertThat(summary(out).get("mode").asText()).isEqualTo("full");
    assertThat(summary(out).get("options").get("segmentation_standard").asText()).isEqualTo("pku");
  }

  private static void post(Path file, String title, String date, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "\n---\ntitle: '" + title + "'\ncategories: \n - 财经\n - 测试社\n - 测试社－要闻\nauthor: 测试社\ndate: "
        + date + "\n---\n<div><p>" + body + "</p></div>\n", StandardCharsets.UTF_8);
  }

  @Test
  void changedAndDeletedFilesWithHandKnownOutcomes() throws Exception {
    Path archive = tmp.resolve("edits/archive");
    Path out = tmp.resolve("edits/out");
    post(archive.resolve("a/甲.md"), "甲稿", "Mon, 10 Jan 2022 02:00:00 GMT", "银行发展绿色金融，支持实体经济的转型升级和高质量发展。");
    post(archive.resolve("a/乙.md"), "乙稿", "Tue, 11 Jan 2022 02:00:00 GMT", "数字经济带动了就业，城市的服务业也随之扩大了规模。");
    post(archive.resolve("a/丙.md"), "丙稿", "Wed, 12 Jan 2022 02:00:00 GMT", "生物医药企业增加研发投入，新药审批的速度加快。");
    Files.writeString(archive.resolve("a/丁.jsonl"),
        "{\"title\":\"丁一\",\"content\":\"科技创新推动制造业升级，工厂的自动化程度提高。\",\"source\":\"测试社\",\"time\":\"2022-01-13 10:00:00\"}\n"
            + "{\"title\":\"丁二\",\"content\":\"港口的吞吐量创下新高，物流企业的订单增加。\",\"source\":\"测试社\",\"time\":\"2022-01-14 10:00:00\"}\n",
        StandardCharsets.UTF_8);
    String patterns = "*.md,*.jsonl";
    ok("edits-0", "run", "--input", archive.toString(), "--output", out.toString(), "--pattern", patterns, "--no-report");
    assertThat(titles(out)).containsExactly("丁一", "丁二", "丙稿", "乙稿", "甲稿");

    // 乙 rewritten, 丙 deleted, 丁 re-recorded with one record instead of two
    post(archive.resolve("a/乙.md"), "乙稿改", "Tue, 11 Jan 2022 02:00:00 GMT", "数字经济带动了就业，改写后的正文多了一句话。");
    Files.delete(archive.resolve("a/丙.md"));
    Files.writeString(archive.resolve("a/丁.jsonl"),
        "{\"title\":\"丁新\",\"content\":\"科技创新推动制造业升级，只剩下一条记录。\",\"source\":\"测试社\",\"time\":\"2022-01-13 10:00:00\"}\n",
        StandardCharsets.UTF_8);
    Cli.Result edited =
        ok("edits-1", "run", "--input", archive.toString(), "--output", out.toString(), "--pattern", patterns, "--incremental", "--no-report");
    JsonNode s = summary(out);
    // the rows of the rewritten files go: the duplicates are marked over the whole table again, said once
    assertThat(s.at("/incremental/duplicates_marked").asText())
        .isEqualTo("whole articles table: 3 earlier articles belong to changed or pruned input files");
    assertThat(edited.output().lines().filter(l -> l.startsWith("corpuslens: --incremental: duplicates marked again")))
        .hasSize(1);
    assertThat(s.get("mode").asText()).isEqualTo("incremental");
    assertThat(s.at("/incremental/files_changed").asLong()).isEqualTo(2);
    assertThat(s.at("/incremental/files_deleted").asLong()).isEqualTo(1);
    assertThat(s.at("/incremental/files_unchanged").asLong()).isEqualTo(1);
    assertThat(s.at("/incremental/deleted_rows").asText()).isEqualTo("kept");
    assertThat(titles(out)).containsExactly("丁新", "丙稿", "乙稿改", "甲稿"); // 丙 kept: not pruned
    assertThat(duck.query("SELECT source_path FROM " + Duck.table(out, "articles") + " WHERE title = '丁新'"))
        .singleElement().satisfies(r -> assertThat(r.get("source_path").toString()).endsWith("丁.jsonl#1"));
    assertThat(s.get("articles").asLong()).isEqualTo(4);
    assertThat(s.get("input_files").asLong()).isEqualTo(4);
    String keptId = id(out, "甲稿");

    // the deleted file still gone: --prune-deleted drops its rows (and only those)
    ok("edits-2", "run", "--input", archive.toString(), "--output", out.toString(), "--pattern", patterns, "--incremental",
        "--prune-deleted", "--no-report");
    assertThat(titles(out)).containsExactly("丁新", "乙稿改", "甲稿");
    assertThat(id(out, "甲稿")).isEqualTo(keptId);
    assertThat(summary(out).at("/incremental/deleted_rows").asText()).isEqualTo("pruned");

    // the same as a full run over what exists now
    Path full = tmp.resolve("edits/full");
    ok("edits-full", "run", "--input", archive.toString(), "--output", full.toString(), "--pattern", patterns, "--no-report");
    assertSameTables(out, full);
  }

  private List<String> titles(Path out) throws Exception {
    return duck.query("SELECT title FROM " + Duck.table(out, "articles") + " ORDER BY title").stream()
        .map(r -> r.get("title").toString()).toList();
  }

  private String id(Path out, String title) throws Exception {
    return duck.query("SELECT article_id FROM " + Duck.table(out, "articles") + " WHERE title = '" + title + "'")
        .get(0).get("article_id").toString();
  }

  /** The steps of {@link StagedOutput#haltIfAsked} an incremental run passes, in order. */
  static final List<String> STEPS = List.of(
      "articles-staged", "tables-staged", "commit-start", "commit-previous-moved", "commit-new-moved", "commit-done");

  @Test
  void aRunHaltedAtEachCommitStepLeavesAConsistentStateAndTheNextRunReachesTheFullRunsTables() throws Exception {
    Path archive = tmp.resolve("kill/archive");
    arrive(archive, 0, 1);
    Path before = tmp.resolve("kill/before");
    ok("kill-base", "run", "--input", archive.toString(), "--output", before.toString(), "--no-report");
    arrive(archive, 1, 2);
    Path full = tmp.resolve("kill/full");
    ok("kill-full", "run", "--input", archive.toString(), "--output", full.toString(), "--no-report");

    // halted before the output is touched, each run starting from what the previous one left
    Path out = tmp.resolve("kill/a/out");
    copyTree(before, out);
    for (String step : STEPS.subList(0, 4)) {
      halt(archive, out, step);
      if (step.equals("commit-previous-moved")) {
        assertThat(out).doesNotExist(); // between the two renames: no output at all, never a partial one
      } else {
        assertSameTables(out, before);
      }
    }
    Cli.Result next = ok("kill-a-next", "run", "--input", archive.toString(), "--output", out.toString(), "--incremental", "--no-report");
    assertThat(next.output()).contains("took over the lock").contains("restored the previous output");
    assertThat(summary(out).get("mode").asText()).isEqualTo("incremental");
    assertSameTables(out, full);
    assertNoLeftovers(out);

    // halted once the new output is in place: the new tables, and the next run has nothing to do
    for (String step : STEPS.subList(4, 6)) {
      Path o = tmp.resolve("kill/" + step + "/out");
      copyTree(before, o);
      halt(archive, o, step);
      assertSameTables(o, full);
      Cli.Result after = ok("kill-" + step + "-next", "run", "--input", archive.toString(), "--output", o.toString(),
          "--incremental", "--no-report");
      assertThat(after.output()).contains("took over the lock").contains("nothing new, changed since the previous run");
      assertSameTables(o, full);
      assertNoLeftovers(o);
    }
  }

  private void halt(Path archive, Path out, String step) throws Exception {
    Cli.Result killed = run("kill-" + step, List.of("-D" + StagedOutput.HALT_PROPERTY + "=" + step),
        "run", "--input", archive.toString(), "--output", out.toString(), "--incremental", "--no-report");
    assertThat(killed.exitCode()).as(killed.output()).isEqualTo(137);
    assertThat(killed.output()).contains("halting at step " + step);
  }

  private static void assertNoLeftovers(Path out) throws IOException {
    try (Stream<Path> beside = Files.list(out.getParent())) {
      assertThat(beside.map(p -> p.getFileName().toString()).filter(n -> !n.equals("out")).toList())
          .as("what is left beside " + out).isEmpty();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted().toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
