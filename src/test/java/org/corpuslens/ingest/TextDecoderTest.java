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

  private static final String CHINESE =
      "\n---\ntitle: '绿色金融支持实体经济'\nauthor: 某日报\n---\n<p>人民银行近日发布通知，要求金融机构加大对绿色产业的信贷支持，"
          + "推动数字经济和实体经济深度融合，提升服务小微企业的能力。</p>\n";

  @Test
  void gbkWithoutDeclarationIsDetected() throws RejectException {
    TextDecoder.Decoded d = TextDecoder.decodeWithCharset(CHINESE.getBytes(Charset.forName("GBK")));
    assertThat(d.text()).isEqualTo(CHINESE);
    assertThat(d.charset()).isEqualTo("GB18030");
  }

  @Test
  void declaredCharsetIsHonoured() throws RejectException {
    String html = "<meta charset=\"gb2312\">" + CHINESE;
    assertThat(TextDecoder.decode(html.getBytes(Charset.forName("GB2312")))).isEqualTo(html);
    String big5 = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">" + "繁體中文的新聞內容，數位經濟發展迅速。";
    assertThat(TextDecoder.decode(big5.getBytes(Charset.forName("Big5")))).isEqualTo(big5);
  }

  @Test
  void utf16WithoutBomIsRecognised() throws RejectException {
    assertThat(TextDecoder.decode(CHINESE.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(CHINESE);
    assertThat(TextDecoder.decode(CHINESE.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(CHINESE);
  }

  @Test
  void crlfIsKept() throws RejectException {
    assertThat(TextDecoder.decode("a\r\nb".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\r\nb");
  }

  @Test
  void utf8WithABrokenByteIsUndecodableNotMojibake() {
    byte[] good = CHINESE.getBytes(StandardCharsets.UTF_8);
    good[good.length / 2] = (byte) 0xFF;
    assertThatThrownBy(() -> TextDecoder.decode(good))
        .isInstanceOfSatisfying(RejectException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.UNDECODABLE);
          assertThat(e.getMessage()).contains("offset " + good.length / 2);
        });
  }

  @Test
  void controlCharacterSoupIsBinary() {
    byte[] bytes = new byte[400];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (1 + i % 30);
    }
    assertReason(bytes, RejectReason.BINARY);
  }

  private static void assertReason(byte[] bytes, RejectReason reason) {
    assertThatThrownBy(() -> TextDecoder.decode(bytes))
        .isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
