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
 */
public record RecordPipeline(SegmenterConfig segmenter, Instant runStart, FieldMapping mapping, ZoneId zone)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public RecordPipeline {
    Objects.requireNonNull(segmenter, "segmenter");
    Objects.requireNonNull(runStart, "runStart");
    Objects.requireNonNull(zone, "zone");
  }

  /** A processor for one thread. */
  public RecordProcessor newProcessor() {
    return new RecordProcessor(Segmenters.get(segmenter), runStart, mapping, zone);
  }
}
