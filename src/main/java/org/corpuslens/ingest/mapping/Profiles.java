package org.corpuslens.ingest.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in mappings (profiles) for common dump layouts, shipped as YAML beside this class and
 * picked per record when its fields include the profile's {@code match:} list, in this order.
 */
public final class Profiles {
  /** Resource names of the profiles, in order of preference. */
  static final List<String> RESOURCES = List.of("news2016zh.yaml", "daily-scrape.yaml", "sogoucs.yaml", "thucnews.yaml", "generic.yaml");

  /** The profiles, loaded once (immutable). */
  public static final List<FieldMapping> BUILT_IN = load();

  private Profiles() {}

  /** The first profile whose {@code match:} fields the record has. */
  public static Optional<FieldMapping> forFields(Set<String> recordFields) {
    for (FieldMapping p : BUILT_IN) {
      if (p.matches(recordFields)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** A profile by name. */
  public static Optional<FieldMapping> named(String name) {
    return BUILT_IN.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private static List<FieldMapping> load() {
    List<FieldMapping> out = new ArrayList<>();
    for (String r : RESOURCES) {
      try (InputStream in = Profiles.class.getResourceAsStream(r)) {
        if (in == null) {
          throw new IllegalStateException("built-in profile " + r + " is missing from the jar");
        }
        out.add(FieldMapping.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), r));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read built-in profile " + r, e);
      }
    }
    return List.copyOf(out);
  }
}
