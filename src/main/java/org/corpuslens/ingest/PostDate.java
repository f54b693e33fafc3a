package org.corpuslens.ingest;

import java.time.Instant;
import java.util.Objects;

/** A post's time as an instant in UTC, and whether it is a publication or a crawl time. */
public record PostDate(Instant instant, DateKind kind) {
  public PostDate {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(kind, "kind");
  }
}
