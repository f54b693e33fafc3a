package org.corpuslens.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Apache ECharts (Apache License 2.0), as packaged by the {@code org.webjars.npm:echarts} WebJar
 * on the classpath: the self-contained {@code dist/echarts.min.js}, read to be inlined into the
 * report (no CDN, no network when the page is opened).
 *
 * @param version the WebJar's version
 * @param script the library's source, checked to be safe inside a {@code <script>} element
 */
public record EChartsBundle(String version, String script) {
  private static final String POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  /** Reads the bundle from the classpath; fails when the WebJar is missing. */
  public static EChartsBundle load() {
    ClassLoader cl = EChartsBundle.class.getClassLoader();
    String version;
    try (InputStream in = cl.getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar (org.webjars.npm:echarts) is not on the classpath: " + POM + " not found");
      }
      Properties p = new Properties();
      p.load(in);
      version = p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POM, e);
    }
    String path = "META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js";
    String script;
    try (InputStream in = cl.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar has no " + path);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    requireInlinable(script, path);
    return new EChartsBundle(version, script);
  }

  /**
   * A script can be inlined as is when it contains neither {@code </script} nor {@code <!--} (which
   * would end the element or switch the HTML parser into its escaped state).
   */
  static void requireInlinable(String script, String what) {
    String lower = script.toLowerCase(Locale.ROOT);
    if (lower.contains("</script") || lower.contains("<!--")) {
      throw new IllegalStateException(what + " contains '</script' or '<!--' and cannot be inlined in a <script> element");
    }
  }
}
