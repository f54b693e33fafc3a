package org.corpuslens.pipeline;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import org.corpuslens.ingest.mapping.FieldMapping;
import java.util.Objects;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.segment.Segmenters;

/**
 * What the executors need to turn records into articles, shipped inside the job's closure: a
 * lexicon given with {@code --topics} reaches every executor without being read from disk there.
 * {@link #newProcessor()} is called once per task (the segmenter itself is built once per JVM).
 *
 * @param segmenter the segmenter's custom words and stop words
 * @param runStart the run's start, for the date plausibility check
 * @param mapping the {@code --mapping}, or {@code null}: built-in profiles picked per record
 * @param zone the zone of local (naive) times in mapped records ({@code --zone})
 * @param languages languages of full pages that become articles ({@code --languages}); others
 *     are {@code NOT_CHINESE} rejects
 */
public record RecordPipeline(
    SegmenterConfig segmenter, Instant runStart, FieldMapping mapping, ZoneId zone, java.util.Set<String> languages)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public RecordPipeline {
    Objects.requireNonNull(segmenter, "segmenter");
    Objects.requireNonNull(runStart, "runStart");
    Objects.requireNonNull(zone, "zone");
    languages = java.util.Set.copyOf(languages);
  }

  /** Full pages must be Chinese. */
  public RecordPipeline(SegmenterConfig segmenter, Instant runStart, FieldMapping mapping, ZoneId zone) {
    this(segmenter, runStart, mapping, zone, PostProcessor.DEFAULT_LANGUAGES);
  }

  /** A processor for one thread. */
  public RecordProcessor newProcessor() {
    return new RecordProcessor(Segmenters.get(segmenter), runStart, mapping, zone, languages);
  }
}
