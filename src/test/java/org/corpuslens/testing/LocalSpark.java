package org.corpuslens.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local Spark session for the whole test JVM, injected as a parameter; stopped when the JVM's
 * root extension context closes. Settings as a small cluster would have them: local[2], 2 shuffle
 * partitions, UTC session time zone, no UI.
 */
public final class LocalSpark implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalSpark.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot().getStore(NS).getOrComputeIfAbsent("spark", k -> new Holder(), Holder.class).spark;
  }

  private static final class Holder implements ExtensionContext.Store.CloseableResource {
    final SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("corpuslens-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.host", "localhost")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
            .getOrCreate();

    @Override
    public void close() {
      spark.stop();
    }
  }
}
