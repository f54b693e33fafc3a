package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Hadoop configuration, which can hold object-store keys, travels to the executors once, as a
 * broadcast: the functions the tasks carry (Java-serialized into every task, as Spark's closure
 * serializer does) hold the broadcast's id, not the configuration's entries.
 */
@ExtendWith(LocalSpark.class)
class HadoopConfShippingTest {
  private static final String SECRET = "s3a-secret-Zq8vXk2PwL";
  private static final String AZURE = "azure-key-Hh61mNc0Tq";

  private static byte[] serialized(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }

  @Test
  void taskFunctionsCarryNoConfigurationEntries(SparkSession spark) throws IOException {
    Configuration conf = new Configuration(false);
    conf.set("fs.s3a.secret.key", SECRET);
    conf.set("fs.azure.account.key.corpus.blob.core.windows.net", AZURE);
    // the check can fail: the configuration itself, serialized, does hold the keys
    assertThat(contains(serialized(new SerializableConfiguration(conf)), SECRET)).isTrue();

    Broadcast<SerializableConfiguration> shipped = SerializableConfiguration.broadcast(spark.sparkContext(), conf);
    ReadSettings settings = new ReadSettings(1 << 20, 4096, 1 << 20, List.of("*.md"), org.corpuslens.ingest.format.RecordFormats.AUTO, null);
    StageMetrics metrics = new StageMetrics(spark.sparkContext());
    for (Object function : List.of(
        new InputReader.ReadBins(settings, shipped, metrics), new InputReader.ReadFiles(settings, shipped, metrics))) {
      byte[] bytes = serialized(function);
      assertThat(contains(bytes, SECRET)).as(function.getClass().getSimpleName()).isFalse();
      assertThat(contains(bytes, AZURE)).as(function.getClass().getSimpleName()).isFalse();
      assertThat(bytes.length).as("no configuration inside").isLessThan(20_000);
    }
    assertThat(shipped.value().value().get("fs.s3a.secret.key")).isEqualTo(SECRET);
    shipped.destroy();
  }
}
