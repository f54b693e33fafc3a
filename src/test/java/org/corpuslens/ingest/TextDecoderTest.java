package org.corpuslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String TEXT = "\n---\ntitle: '数字经济'\n---\n";

  @Test
  void utf8WithAndWithoutBom() throws RejectException {
    byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    assertThat(TextDecoder.decode(plain)).isEqualTo(TEXT);
    assertThat(TextDecoder.decode(bom)).isEqualTo(TEXT);
  }

  @Test
  void utf16WithBom() throws RejectException {
    assertThat(TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_16))).isEqualTo(TEXT);
    byte[] le = TEXT.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[le.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(le, 0, withBom, 2, le.length);
    assertThat(TextDecoder.decode(withBom)).isEqualTo(TEXT);
  }

  @Test
  void emptyFile() {
    assertReason(new byte[0], RejectReason.EMPTY_FILE);
  }

  @Test
  void nulBytesMeanBinary() {
    assertReason(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, RejectReason.BINARY);
  }

  @Test
  void invalidUtf8IsUndecodableNotMojibake() {
    assertReason(TEXT.getBytes(Charset.forName("GBK")), RejectReason.UNDECODABLE);
  }

  private static void assertReason(byte[] bytes, RejectReason reason) {
    assertThatThrownBy(() -> TextDecoder.decode(bytes))
        .isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
