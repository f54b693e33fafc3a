package org.corpuslens.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Splits a post's text into YAML front matter and body, and reads the front matter safely.
 *
 * <p>The front matter is loaded with SnakeYAML's {@link SafeConstructor} (no custom or Java
 * types), with limits on aliases, nesting and size, and with no implicit typing: every scalar is a
 * string, so {@code date: 2022-04-12 12:14:54} stays the text the post wrote. {@code &#123;} and
 * {@code &#125;}, the archive's escapes for braces, are decoded in every value.
 *
 * <p>Instances are immutable apart from SnakeYAML's per-call state; create one per thread (they are
 * cheap) since {@link Yaml} is not thread-safe.
 */
public final class PostParser {
  /** Largest front matter accepted, in characters. */
  static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

  private static final String FENCE = "---";

  private final Yaml yaml;

  public PostParser() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
    options.setAllowDuplicateKeys(false);
    options.setTagInspector(tag -> false);
    DumperOptions dumperOptions = new DumperOptions();
    this.yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(dumperOptions),
            dumperOptions,
            options,
            new StringsOnlyResolver());
  }

  /**
   * Splits and reads {@code text}.
   *
   * @throws RejectException {@link RejectReason#NO_FRONT_MATTER}, {@link
   *     RejectReason#UNCLOSED_FRONT_MATTER}, {@link RejectReason#INVALID_YAML} or {@link
   *     RejectReason#BAD_CATEGORIES}
   */
  public Post parse(String text) throws RejectException {
    int pos = text.startsWith("\uFEFF") ? 1 : 0;
    // skip blank lines before the opening fence
    int lineEnd;
    while (true) {
      lineEnd = lineEnd(text, pos);
      if (!text.substring(pos, lineEnd).isBlank() || lineEnd >= text.length()) {
        break;
      }
      pos = nextLine(text, lineEnd);
    }
    if (!text.substring(pos, lineEnd).strip().equals(FENCE)) {
      throw new RejectException(
          RejectReason.NO_FRONT_MATTER,
          "the first non-blank line is not '---' but '" + abbreviate(text.substring(pos, lineEnd)) + "'");
    }
    int yamlStart = nextLine(text, lineEnd);
    int lineStart = yamlStart;
    while (lineStart < text.length()) {
      int end = lineEnd(text, lineStart);
      if (text.substring(lineStart, end).strip().equals(FENCE)) {
        String yamlText = text.substring(yamlStart, lineStart);
        String body = text.substring(nextLine(text, end));
        return new Post(readFrontMatter(yamlText), body);
      }
      if (lineStart - yamlStart > MAX_FRONT_MATTER_CHARS) {
        break;
      }
      lineStart = nextLine(text, end);
    }
    throw new RejectException(
        RejectReason.UNCLOSED_FRONT_MATTER,
        "the front matter opened by '---' has no closing '---' line"
            + (lineStart - yamlStart > MAX_FRONT_MATTER_CHARS
                ? " within " + MAX_FRONT_MATTER_CHARS + " characters"
                : ""));
  }

  private FrontMatter readFrontMatter(String yamlText) throws RejectException {
    Object loaded;
    try {
      loaded = yaml.load(yamlText);
    } catch (YAMLException e) {
      throw new RejectException(
          RejectReason.INVALID_YAML, "front matter is not valid YAML: " + oneLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      // SnakeYAML reports some limits (nesting, size) as other runtime exceptions
      throw new RejectException(
          RejectReason.INVALID_YAML,
          "front matter could not be read: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()),
          e);
    }
    Map<?, ?> map;
    if (loaded == null) {
      map = Collections.emptyMap();
    } else if (loaded instanceof Map<?, ?> m) {
      map = m;
    } else {
      throw new RejectException(
          RejectReason.INVALID_YAML,
          "front matter is a " + describe(loaded) + ", not a mapping of keys to values");
    }
    String title = scalar(map, "title");
    String author = scalar(map, "author");
    String date = scalar(map, "date");
    return new FrontMatter(
        title == null || title.isBlank() ? null : title.strip(),
        categories(map.get("categories")),
        author == null || author.isBlank() ? null : author.strip(),
        date);
  }

  private static List<String> categories(Object value) throws RejectException {
    if (value == null || "".equals(value)) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new RejectException(
          RejectReason.BAD_CATEGORIES,
          "categories is a " + describe(value) + " ('" + abbreviate(String.valueOf(value)) + "'), not a list");
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new RejectException(
            RejectReason.BAD_CATEGORIES, "categories holds a " + describe(item) + ", not text");
      }
      out.add(decodeBraces(s).strip());
    }
    return Collections.unmodifiableList(out);
  }

  private static String scalar(Map<?, ?> map, String key) throws RejectException {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return decodeBraces(s);
    }
    throw new RejectException(
        RejectReason.INVALID_YAML, "'" + key + "' is a " + describe(value) + ", not text");
  }

  /** Decodes the archive's brace escapes {@code &#123;} and {@code &#125;}. */
  static String decodeBraces(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return s.replace("&#123;", "{").replace("&#125;", "}");
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "mapping";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    return "text value";
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    int end = nl < 0 ? text.length() : nl;
    return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private static int nextLine(String text, int lineEnd) {
    int nl = text.indexOf('\n', lineEnd);
    return nl < 0 ? text.length() : nl + 1;
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    return abbreviate(message.replaceAll("\\s+", " ").strip());
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /** Resolves no implicit types: every plain scalar is a string. */
  private static final class StringsOnlyResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      // intentionally none: dates, booleans and numbers stay as written
    }
  }
}
