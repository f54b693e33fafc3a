package org.corpuslens.jobs;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Properties;
import java.util.Map;
import picocli.CommandLine;

/** Versions of CorpusLens and the libraries whose behaviour shapes the tables. */
public final class Versions {
  private Versions() {}

  public static String corpusLens() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static Map<String, String> all() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("corpuslens", corpusLens());
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("hanlp", mavenVersion(HanLP.class, "com.hankcs", "hanlp"));
    versions.put("jsoup", mavenVersion(org.jsoup.Jsoup.class, "org.jsoup", "jsoup"));
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  /** The version in the library's own {@code pom.properties}, or {@code unknown}. */
  private static String mavenVersion(Class<?> type, String group, String artifact) {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** picocli's {@code --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return all().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toArray(String[]::new);
    }
  }
}
