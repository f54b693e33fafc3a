package org.corpuslens.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.corpuslens.analytics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a generated corpus: the posts under {@code OUTPUT/source/_posts/<section>/<source>/<feed>/}
 * and the ground truth in {@code OUTPUT/ground-truth.json} (outside the pipeline's default file
 * patterns).
 *
 * <p>Posts are made and written by a few worker threads in blocks of consecutive indexes, at most a
 * few blocks ahead of the one thread that tallies the ground truth in index order; memory stays
 * bounded (blocks in flight, plus the reject and duplicate lists of the ground truth). Every post
 * is a pure function of the seed and its index, so the bytes do not depend on the thread count.
 */
public final class CorpusGenerator {
  /** The ground truth's file name, beside {@code source/}. */
  public static final String GROUND_TRUTH_FILE = "ground-truth.json";
  private static final Logger LOG = LoggerFactory.getLogger(CorpusGenerator.class);
  private static final int BLOCK = 256;
  static final int VOCABULARY_SIZE = 12_000;

  private CorpusGenerator() {}

  /**
   * What was written.
   *
   * @param posts files written
   * @param articles of which articles (duplicates included)
   * @param rejects of which files the pipeline must reject
   * @param duplicates of the articles, copies of an earlier one
   * @param bytes bytes of posts written
   * @param groundTruth the ground truth file
   * @param millis wall time
   */
  public record Summary(long posts, long articles, long rejects, long duplicates, long bytes, Path groundTruth, long millis) {}

  /** File of the JSON Lines form of a corpus ({@link #generate(GeneratorConfig, boolean)}). */
  public static final String JSON_LINES_FILE = "news.jsonl";

  /** Generates the corpus of {@code config} into its output directory (which must hold no posts yet). */
  public static Summary generate(GeneratorConfig config) throws IOException {
    return generate(config, false);
  }

  /**
   * Generates the corpus; with {@code jsonLines}, its articles as one JSON Lines file ({@value
   * #JSON_LINES_FILE}, news2016zh layout, in post order) instead of post files, the broken posts
   * left out, and a ground truth of exactly those articles.
   */
  public static Summary generate(GeneratorConfig config, boolean jsonLines) throws IOException {
    long start = System.nanoTime();
    Path out = config.output();
    Files.createDirectories(out);
    List<DictionaryWords.Entry> dictionary = DictionaryWords.load();
    Vocabulary vocabulary = Vocabulary.build(dictionary, config.lexicon().allKeywords(), VOCABULARY_SIZE);
    PostFactory factory = new PostFactory(config.seed(), config.sources(), config.from(), config.to(), config.brokenRate(),
        config.duplicateRate(), config.nearDuplicateRate(), config.lexicon(), vocabulary);
    LOG.info("generate: {} dictionary words, {} filler words, {} sources, {} months; writing {} posts to {}",
        dictionary.size(), vocabulary.size(), factory.sources().size(), factory.time().months().size(), config.posts(), out);
    if (!jsonLines) {
      for (String folder : factory.folders()) {
        Files.createDirectories(out.resolve(folder));
      }
    }
    java.io.OutputStream lines = jsonLines
        ? new java.io.BufferedOutputStream(Files.newOutputStream(out.resolve(JSON_LINES_FILE), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE), 1 << 20)
        : null;
    GroundTruth truth = new GroundTruth(
        config.lexicon().topics().stream().map(Topic::name).toList(),
        factory.sources().sources().stream().map(SourceProfile::name).toList(),
        factory.time().months());
    long bytes = 0;
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "corpuslens-generate-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<Block>> inFlight = new ArrayDeque<>();
      long next = 0;
      long done = 0;
      long reportEvery = Math.max(BLOCK, config.posts() / 10);
      long nextReport = reportEvery;
      while (next < config.posts() || !inFlight.isEmpty()) {
        while (next < config.posts() && inFlight.size() < 4 * config.threads()) {
          long from = next;
          long to = Math.min(config.posts(), next + BLOCK);
          inFlight.add(pool.submit(() -> jsonLines ? makeLines(factory, from, to) : makeAndWrite(factory, out, from, to)));
          next = to;
        }
        Block block = await(inFlight.poll());
        if (lines != null) {
          lines.write(block.lines());
        }
        for (GeneratedPost p : block.posts()) {
          truth.add(p);
        }
        bytes += block.bytes();
        done = Math.min(config.posts(), done + BLOCK);
        if (done >= nextReport) {
          LOG.info("generate: {} / {} posts", done, config.posts());
          nextReport += reportEvery;
        }
      }
    } finally {
      pool.shutdownNow();
      if (lines != null) {
        lines.close();
      }
    }
    Path file = out.resolve(GROUND_TRUTH_FILE);
    Path tmp = out.resolve(GROUND_TRUTH_FILE + ".tmp");
    Files.writeString(tmp, Json.write(truth.toMap(settings(config))), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("generate: {} posts ({} articles of which {} duplicates, {} rejects) in {} ms", truth.inputFiles(), truth.articles(),
        truth.duplicates(), truth.rejects(), millis);
    return new Summary(truth.inputFiles(), truth.articles(), truth.rejects(), truth.duplicates(), bytes, file, millis);
  }

  /** Posts written by one task (without their bytes), and how many bytes they were. */
  private record Block(List<GeneratedPost> posts, long bytes, byte[] lines) {
    Block(List<GeneratedPost> posts, long bytes) {
      this(posts, bytes, null);
    }
  }

  /** The articles of posts {@code from .. to-1} as JSON lines (broken posts left out, also from the truth). */
  private static Block makeLines(PostFactory factory, long from, long to) {
    JsonLinesPosts json = new JsonLinesPosts();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    List<GeneratedPost> written = new ArrayList<>((int) (to - from));
    for (long i = from; i < to; i++) {
      GeneratedPost p = factory.post(i);
      if (p.reason() != null) {
        continue;
      }
      out.writeBytes(json.line(p));
      written.add(p.withoutBytes());
    }
    return new Block(written, out.size(), out.toByteArray());
  }

  private static Block makeAndWrite(PostFactory factory, Path out, long from, long to) throws IOException {
    List<GeneratedPost> written = new ArrayList<>((int) (to - from));
    long bytes = 0;
    for (long i = from; i < to; i++) {
      GeneratedPost p = factory.post(i);
      Files.write(out.resolve(p.relativePath()), p.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      bytes += p.bytes().length;
      written.add(p.withoutBytes());
    }
    return new Block(written, bytes);
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    }
  }

  private static Map<String, Object> settings(GeneratorConfig c) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("seed", c.seed());
    s.put("posts", c.posts());
    s.put("sources", (long) c.sources());
    s.put("from", c.from().toString());
    s.put("to", c.to().toString());
    s.put("duplicate_rate", c.duplicateRate());
    s.put("broken_rate", c.brokenRate());
    s.put("near_duplicate_rate", c.nearDuplicateRate());
    s.put("lexicon", c.lexiconName());
    s.put("lexicon_sha256", c.lexicon().sha256());
    return s;
  }
}
