package org.corpuslens.jobs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.ingest.format.RecordFormat;
import org.corpuslens.ingest.format.RecordFormats;
import org.corpuslens.ingest.mapping.FieldMapping;
import org.corpuslens.ingest.mapping.FieldPath;
import org.corpuslens.ingest.mapping.Profiles;
import org.corpuslens.ingest.mapping.Target;
import org.corpuslens.io.InputLister;
import org.corpuslens.io.InputListing;
import org.corpuslens.io.ReadSettings;
import org.corpuslens.io.RecordSampler;

/**
 * Checks the inputs on the driver before the job: lists them, fails when no file is readable
 * (naming the patterns and the extensions that were there), and samples the first records of a few
 * files to check the field mapping against the fields records really have.
 */
final class InputCheck {
  /** Files and records per file sampled on the driver. */
  static final int SAMPLE_FILES = 8;
  static final int SAMPLE_RECORDS = 50;

  private InputCheck() {}

  static InputListing listAndCheck(ExtractJob.Plan plan, Configuration conf) {
    ReadSettings settings = plan.readSettings();
    InputListing listing;
    try {
      // the run's own output (when it lies inside an input) is never read as input
      org.apache.hadoop.fs.Path own = new org.apache.hadoop.fs.Path(org.corpuslens.io.StagedOutput.targetOf(plan.output()));
      String ownOutput = own.getFileSystem(conf).makeQualified(own).toString();
      listing = new InputLister(plan.patterns(), plan.maxFileBytes(), conf, settings.forcedFormat(), ownOutput).list(plan.inputs());
    } catch (FileNotFoundException e) {
      throw new ConfigurationException("--input: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the inputs " + plan.inputs(), e);
    }
    if (listing.files().isEmpty() && listing.rejects().isEmpty()) {
      throw new ConfigurationException(nothingToRead(plan, listing.skippedByExtension()));
    }
    checkMapping(plan.mapping(), RecordSampler.sample(listing, settings, conf, SAMPLE_FILES, SAMPLE_RECORDS));
    return listing;
  }

  static String nothingToRead(ExtractJob.Plan plan, Map<String, Long> seen) {
    StringBuilder m = new StringBuilder("no input file to read under ")
        .append(String.join(", ", plan.inputs()))
        .append(": no file name matches --pattern ")
        .append(String.join(",", plan.patterns()));
    if (seen.isEmpty()) {
      return m.append(" (the inputs hold no files at all)").toString();
    }
    m.append("; files seen: ")
        .append(seen.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining(", ")));
    List<String> hints = new ArrayList<>();
    for (String ext : seen.keySet()) {
      for (RecordFormat f : RecordFormats.BUILT_IN) {
        if (f.extensions().contains(ext)) {
          hints.add("--format " + f.name() + " (" + ext + ")");
          break;
        }
      }
    }
    if (!hints.isEmpty()) {
      m.append(". To read them give ").append(String.join(" or ", hints)).append(", or --pattern with their names");
    } else {
      m.append(". Give --pattern with the names of your files and --format (one of ")
          .append(String.join(", ", RecordFormats.names())).append(")");
    }
    return m.toString();
  }

  /**
   * With a --mapping: every article field it names (without a default) must be present in at
   * least one sampled record. Without: every sampled record must fit a built-in profile.
   */
  static void checkMapping(FieldMapping mapping, List<RecordSampler.Sample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    Set<String> seen = new TreeSet<>();
    int records = 0;
    for (RecordSampler.Sample s : samples) {
      for (Set<String> fields : s.fieldSets()) {
        seen.addAll(fields);
        records++;
      }
    }
    if (mapping == null) {
      for (RecordSampler.Sample s : samples) {
        for (Set<String> fields : s.fieldSets()) {
          if (Profiles.forFields(fields).isEmpty()) {
            throw new ConfigurationException("the records of " + s.path() + " fit no built-in profile ("
                + Profiles.BUILT_IN.stream().map(FieldMapping::name).collect(Collectors.joining(", "))
                + "); fields seen: " + new LinkedHashSet<>(fields) + ". Describe them with --mapping FILE (see the README, "
                + "Formats and mappings)");
          }
        }
      }
      return;
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<Target, List<FieldPath>> e : mapping.fields().entrySet()) {
      if (mapping.defaults().containsKey(e.getKey())) {
        continue;
      }
      boolean found = e.getValue().stream().anyMatch(p -> seen.contains(p.topField()));
      if (!found) {
        missing.add(e.getKey().key() + ": " + e.getValue().stream().map(FieldPath::toString).collect(Collectors.joining(" or ")));
      }
    }
    for (FieldPath p : mapping.keep()) {
      if (!seen.contains(p.topField())) {
        missing.add("keep: " + p);
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigurationException("--mapping " + mapping.name() + " names fields that none of the " + records
          + " records sampled from " + samples.size() + " files has: " + String.join("; ", missing) + ". Fields seen: " + seen);
    }
  }
}
