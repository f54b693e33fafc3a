package org.corpuslens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.extract.PageExtractor;
import org.corpuslens.generate.PageGenerator;
import org.corpuslens.segment.HanLpSegmenter;
import org.corpuslens.segment.SegmenterConfig;

/**
 * The pages issue 13's throughput is measured on ({@link PageStageBenchmark}, {@link
 * PageStageCpuRatio}): 60 generated pages, ten of each layout ({@link PageGenerator}, seed 13),
 * with their URLs and the text extracted from each; light as generated (about 2.8 k characters of
 * HTML per page) or at the weight of a real news page ({@link PageGenerator#page(int, String, int)}).
 */
record BenchPages(List<String> urls, List<String> pages, List<String> texts) {
  static final int COUNT = 60;

  static BenchPages generated() {
    return generated(0);
  }

  /** The 60 pages at about {@code weight} characters of HTML each; 0: light, as generated. */
  static BenchPages generated(int weight) {
    List<String> urls = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    PageGenerator generator = PageGenerator.create(13);
    for (int i = 0; i < COUNT; i++) {
      PageGenerator.Page p = generator.page(i, null, weight);
      urls.add(p.url());
      pages.add(p.html());
      texts.add(PageExtractor.extract(p.html(), p.url()).text());
    }
    return new BenchPages(List.copyOf(urls), List.copyOf(pages), List.copyOf(texts));
  }

  /**
   * The saved pages ({@code *.html}, UTF-8) under {@code folder}, for instance a gold set kept
   * outside the repository ({@code GoldSetScores}); the URL of a page is the {@code url} of its
   * {@code .properties} file when it has one.
   */
  static BenchPages folder(Path folder) {
    List<String> urls = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String html = Files.readString(f, StandardCharsets.UTF_8);
        String url = null;
        Path props = Path.of(f.toString().replaceAll("\\.html$", ".properties"));
        if (Files.exists(props)) {
          java.util.Properties meta = new java.util.Properties();
          try (var r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            meta.load(r);
          }
          url = meta.getProperty("url");
        }
        urls.add(url);
        pages.add(html);
        texts.add(PageExtractor.extract(html, url).text());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BenchPages(java.util.Collections.unmodifiableList(urls), List.copyOf(pages), List.copyOf(texts));
  }

  /** The segmenter the runs use: default lexicon and stop words. */
  static HanLpSegmenter segmenter() {
    return new HanLpSegmenter(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords()));
  }
}
