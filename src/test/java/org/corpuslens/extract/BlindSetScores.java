package org.corpuslens.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The cases of a blind set: a test-resource folder of {@code <case>.html}, {@code <case>.txt}
 * (gold paragraphs, one per line) and {@code <case>.properties}, written by people who had not seen
 * the extractor (see {@code bench/pages-extraction.md}, "Blind sets").
 */
final class BlindSetScores {

  private BlindSetScores() {}

  /** The case names of {@code folder} (a folder next to this class), sorted. */
  static List<String> cases(String folder) {
    URL url = BlindSetScores.class.getResource(folder);
    if (url == null) {
      throw new IllegalStateException("missing test resource folder " + folder);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".html"))
          .map(n -> n.substring(0, n.length() - ".html".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String folder, String file) throws IOException {
    try (InputStream in = BlindSetScores.class.getResourceAsStream(folder + "/" + file)) {
      if (in == null) {
        throw new IOException("missing test resource " + folder + "/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<String> gold(String folder, String name) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : text(folder, name + ".txt").split("\n")) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  static Properties properties(String folder, String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BlindSetScores.class.getResourceAsStream(folder + "/" + name + ".properties")) {
      if (in == null) {
        throw new IOException("missing test resource " + folder + "/" + name + ".properties");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return p;
  }
}
