package org.corpuslens.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.corpuslens.analytics.TopicLexicon;

/** Builds the run summaries of the commands. */
final class Summaries {
  private Summaries() {}

  static RunSummary extract(
      String command, ExtractJob.Plan plan, TopicLexicon lexicon, ExtractJob.Counts counts, Instant start) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("inputs", plan.inputs());
    options.put("output", plan.output());
    options.put("patterns", plan.patterns());
    options.put("format", plan.format());
    options.put("languages", new java.util.TreeSet<>(plan.languages()));
    options.put("max_file_bytes", plan.maxFileBytes());
    options.put("zone", plan.zone().getId());
    options.put("period", plan.grain().columnValue());
    options.put("partition_bytes", plan.partitionBytes());
    options.put("open_cost_bytes", plan.openCostBytes());
    options.put("output_file_bytes", plan.outputFileBytes());
    options.put("stop_words", plan.segmenter().stopWords().size());
    options.put("segmentation_standard", plan.segmenter().standard().id());
    options.put("near_duplicate_threshold", plan.nearDuplicates() ? plan.nearDuplicateThreshold() : null);
    return new RunSummary()
        .put("command", command)
        .put("started_at", start.toString())
        .put("finished_at", Instant.now().toString())
        .put("input_files", counts.inputFiles())
        .put("input_records", counts.inputRecords())
        .put("formats", counts.byFormat())
        .put("mappings", mappings(plan, counts))
        .put("skipped_files_by_extension", counts.skippedByExtension())
        .put("articles", counts.articles())
        .put("rejects", counts.rejects())
        .put("rejects_by_reason", counts.rejectsByReason())
        .put("duplicates", counts.duplicates())
        .put("near_duplicates", counts.nearDuplicates())
        .put("timings", counts.timings())
        .put("lexicon", lexicon(lexicon))
        .put("options", options)
        .put("versions", Versions.all());
  }

  /** Which field mapping read how many records: the --mapping, or the built-in profiles picked. */
  static Map<String, Object> mappings(ExtractJob.Plan plan, ExtractJob.Counts counts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mapping_file", plan.mapping() == null ? null : plan.mapping().name());
    m.put("records_by_mapping", counts.recordsByMapping());
    return m;
  }

  static Map<String, Object> lexicon(TopicLexicon lexicon) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("origin", lexicon.origin());
    m.put("sha256", lexicon.sha256());
    m.put("topics", lexicon.topics().stream().map(t -> t.name()).toList());
    Map<String, String> rules = new LinkedHashMap<>();
    lexicon.topics().forEach(t -> rules.put(t.name(), t.describe()));
    m.put("rules", rules);
    return m;
  }
}
