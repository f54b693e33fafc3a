package org.corpuslens.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stop-word lists: the shipped Chinese list (resource {@value #RESOURCE}) and user files.
 *
 * <p>Format: UTF-8 (a leading byte-order mark is ignored), one word per line; lines are stripped;
 * blank lines and lines starting with {@code #} are skipped. Malformed UTF-8 is an error, not
 * silently replaced. The result keeps the file's order without duplicates.
 */
public final class StopWords {

  /** Class-path location of the shipped list. */
  public static final String RESOURCE = "org/corpuslens/segment/stopwords-zh.txt";

  private StopWords() {}

  /**
   * The shipped list: about 780 function words (pronouns, prepositions, conjunctions, particles,
   * common adverbs and light verbs), read from the class path on every call.
   *
   * @return the words, immutable
   * @throws UncheckedIOException if the resource is missing or unreadable
   */
  public static List<String> defaults() {
    ClassLoader loader = StopWords.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("stop-word resource not found on the class path: " + RESOURCE));
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read stop-word resource " + RESOURCE + ": " + describe(e), e);
    }
  }

  /**
   * Reads a user stop-word file.
   *
   * @param file a UTF-8 file in the format described above
   * @return the words, immutable
   * @throws UncheckedIOException naming the file if it is missing, unreadable or not UTF-8
   */
  public static List<String> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read stop-word file " + file.toAbsolutePath() + ": " + describe(e), e);
    }
  }

  private static List<String> parse(InputStream in) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    Set<String> words = new LinkedHashSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
      String line;
      boolean first = true;
      while ((line = reader.readLine()) != null) {
        if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        first = false;
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    }
    return List.copyOf(new ArrayList<>(words));
  }

  private static String describe(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "not valid UTF-8";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "access denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
