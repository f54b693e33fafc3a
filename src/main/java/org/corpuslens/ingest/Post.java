package org.corpuslens.ingest;

import java.util.Objects;

/** A post split into its front matter and its body (everything after the closing fence). */
public record Post(FrontMatter frontMatter, String body) {
  public Post {
    Objects.requireNonNull(frontMatter, "frontMatter");
    Objects.requireNonNull(body, "body");
  }
}
