package org.corpuslens.generate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.corpuslens.ingest.FrontMatter;
import org.corpuslens.ingest.Post;
import org.corpuslens.ingest.PostDates;
import org.corpuslens.ingest.PostParser;
import org.corpuslens.ingest.RejectException;
import org.corpuslens.ingest.TextDecoder;

/**
 * Writes a generated post as one line of a news2016zh-style JSON Lines dump: {@code news_id},
 * {@code title}, {@code content} (the post's body, HTML and all, so the same extraction applies),
 * {@code source}, {@code time} (the post's instant in ISO 8601 UTC). Only articles are written: the
 * broken posts' faults are faults of the post layout. One parser per thread.
 */
final class JsonLinesPosts {
  private final PostParser parser = new PostParser();
  private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

  /** The line (with its {@code \n}) of an article post. */
  byte[] line(GeneratedPost p) {
    try {
      Post post = parser.parse(TextDecoder.decode(p.bytes()));
      FrontMatter fm = post.frontMatter();
      Instant time = PostDates.parse(fm.date(), FAR).instant();
      StringBuilder sb = new StringBuilder(post.body().length() + 256);
      sb.append("{\"news_id\": ");
      string(sb, "g" + p.index());
      sb.append(", \"title\": ");
      if (fm.title() == null) {
        sb.append("null");
      } else {
        string(sb, fm.title());
      }
      sb.append(", \"content\": ");
      string(sb, post.body());
      sb.append(", \"source\": ");
      string(sb, fm.source());
      sb.append(", \"time\": ");
      string(sb, time.toString());
      sb.append("}\n");
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    } catch (RejectException e) {
      throw new IllegalStateException("generated article " + p.relativePath() + " does not parse: " + e.getMessage(), e);
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
