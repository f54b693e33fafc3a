package org.corpuslens.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns a file's bytes into text, or rejects them. The charset is taken from, in order: a
 * byte-order mark (UTF-8, UTF-16 LE/BE); valid UTF-8 (by far the most common case); a charset the
 * file declares ({@code <meta charset="gbk">}, {@code charset=gb2312}); a detector
 * (juniversalchardet, Mozilla's); UTF-16 without a BOM recognised from its zero bytes. Decoding is
 * always strict: invalid bytes give a reject, never replacement characters, so no mojibake reaches
 * the articles. GB2312 and GBK are read as GB18030, their superset.
 */
public final class TextDecoder {
  /** How far into the file a declared charset is looked for. */
  private static final int DECLARATION_SCAN_BYTES = 8 * 1024;

  private static final Pattern DECLARED =
      Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> CHINESE_GB = Set.of("GB2312", "GBK", "GB18030", "EUC-CN", "X-GBK", "CP936", "HZ-GB-2312");

  /**
   * Detected charsets that are accepted. Single-byte Western charsets are not: a detector names
   * them for almost any bytes, and Chinese text read with them is mojibake. A declared charset is
   * always honoured.
   */
  private static final Set<String> DETECTABLE = Set.of("GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8");

  private TextDecoder() {}

  /** The decoded text and the charset it was read with. */
  public record Decoded(String text, String charset) {}

  /** Decodes {@code bytes}; see {@link #decodeWithCharset(byte[])}. */
  public static String decode(byte[] bytes) throws RejectException {
    return decodeWithCharset(bytes).text();
  }

  /**
   * Decodes {@code bytes}.
   *
   * @throws RejectException {@link RejectReason#EMPTY_FILE}, {@link RejectReason#BINARY} or {@link
   *     RejectReason#UNDECODABLE}
   */
  public static Decoded decodeWithCharset(byte[] bytes) throws RejectException {
    if (bytes.length == 0) {
      throw new RejectException(RejectReason.EMPTY_FILE, "the file is empty (0 bytes)");
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return checked(strictOrReject(bytes, 3, StandardCharsets.UTF_8, "a UTF-8 byte-order mark"));
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return checked(strictOrReject(bytes, 2, StandardCharsets.UTF_16BE, "a UTF-16BE byte-order mark"));
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return checked(strictOrReject(bytes, 2, StandardCharsets.UTF_16LE, "a UTF-16LE byte-order mark"));
    }
    int nul = indexOfNul(bytes);
    if (nul >= 0) {
      Charset utf16 = utf16WithoutBom(bytes);
      if (utf16 != null) {
        String text = strict(bytes, 0, utf16);
        if (text != null && text.indexOf('\0') < 0) {
          return checked(new Decoded(text, utf16.name()));
        }
      }
      throw new RejectException(RejectReason.BINARY, "the file is not text: NUL byte at offset " + nul);
    }
    String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return checked(new Decoded(utf8, StandardCharsets.UTF_8.name()));
    }
    String tried = "not valid UTF-8 (first bad byte at offset " + firstInvalidUtf8(bytes) + ")";
    int[] sequences = utf8Sequences(bytes);
    if (sequences[0] >= 4 && sequences[0] >= 10 * sequences[1]) {
      // mostly valid UTF-8 with a few broken bytes: any other charset would give mojibake
      throw new RejectException(
          RejectReason.UNDECODABLE,
          "the bytes are UTF-8 with " + sequences[1] + " invalid sequence(s) among " + sequences[0]
              + " valid multi-byte characters (first bad byte at offset " + firstInvalidUtf8(bytes)
              + "); refusing to guess another charset");
    }
    Charset declared = declaredCharset(bytes);
    if (declared != null) {
      String text = strict(bytes, 0, declared);
      if (text != null) {
        return checked(new Decoded(text, declared.name()));
      }
      tried += ", not valid " + declared.name() + " as declared";
    }
    Charset detected = detectedCharset(bytes);
    if (detected != null && !DETECTABLE.contains(detected.name())) {
      tried += ", and the detected charset " + detected.name() + " is not one of Chinese text " + DETECTABLE;
      detected = null;
    } else if (detected != null && !detected.equals(declared)) {
      String text = strict(bytes, 0, detected);
      if (text != null) {
        return checked(new Decoded(text, detected.name()));
      }
      tried += ", not valid " + detected.name() + " as detected";
    } else if (detected == null && !tried.contains("detected charset")) {
      tried += ", and no charset could be detected";
    }
    throw new RejectException(RejectReason.UNDECODABLE, "the bytes are " + tried);
  }

  /**
   * Decodes bytes whose charset a transport declared (the HTTP {@code Content-Type} of a WARC
   * record): after a byte-order mark, that charset wins when it is known and the bytes are valid
   * in it; otherwise, as {@link #decodeWithCharset(byte[])}: UTF-8, the page's {@code <meta>},
   * detection. A Western single-byte charset (ISO-8859-1, windows-1252), which servers name by
   * default and which accepts any bytes, is only believed for pure ASCII.
   *
   * @param transportCharset the declared name, or {@code null}
   */
  public static Decoded decodeWithCharset(byte[] bytes, String transportCharset) throws RejectException {
    boolean bom =
        startsWith(bytes, 0xEF, 0xBB, 0xBF) || startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE);
    Charset declared = transportCharset == null ? null : charsetNamed(transportCharset.strip());
    if (declared != null && !bom && bytes.length > 0 && indexOfNul(bytes) < 0) {
      String name = declared.name().toUpperCase(Locale.ROOT);
      boolean western = name.equals("ISO-8859-1") || name.equals("WINDOWS-1252") || name.equals("US-ASCII");
      if (!western || isAscii(bytes)) {
        String text = strict(bytes, 0, declared);
        if (text != null) {
          return checked(new Decoded(text, declared.name()));
        }
      }
    }
    return decodeWithCharset(bytes);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Rejects text whose characters are mostly control characters: binary data that happened to decode. */
  private static Decoded checked(Decoded decoded) throws RejectException {
    String text = decoded.text();
    int controls = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        controls++;
      }
    }
    if (controls > 0 && controls * 100L > text.length()) {
      throw new RejectException(
          RejectReason.BINARY,
          "the file is not text: " + controls + " control characters in " + text.length() + " characters (read as " + decoded.charset() + ")");
    }
    return decoded;
  }

  private static Charset declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED.matcher(head);
    return m.find() ? charsetNamed(m.group(1)) : null;
  }

  private static Charset detectedCharset(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    return name == null ? null : charsetNamed(name);
  }

  private static Charset charsetNamed(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (CHINESE_GB.contains(upper)) {
      return Charset.forName("GB18030");
    }
    try {
      return Charset.forName(upper);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null; // an unknown declared name is treated as no declaration
    }
  }

  /** UTF-16 without a BOM: ASCII-range text has a zero in every other byte. */
  private static Charset utf16WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 4096) & ~1;
    if (n < 4) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      if (bytes[i] == 0) {
        evenZero++;
      }
      if (bytes[i + 1] == 0) {
        oddZero++;
      }
    }
    int pairs = n / 2;
    if (oddZero * 10 >= pairs * 3 && evenZero * 20 < pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero * 10 >= pairs * 3 && oddZero * 20 < pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static Decoded strictOrReject(byte[] bytes, int offset, Charset charset, String why) throws RejectException {
    String text = strict(bytes, offset, charset);
    if (text == null) {
      throw new RejectException(
          RejectReason.UNDECODABLE, "the file starts with " + why + " but its bytes are not valid " + charset.name());
    }
    return new Decoded(text, charset.name());
  }

  /** Strictly decodes, or returns {@code null} when the bytes are invalid in {@code charset}. */
  private static String strict(byte[] bytes, int offset, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    } catch (CharacterCodingException e) {
      return null; // the caller tries the next candidate and reports what it tried
    }
  }

  /** {valid multi-byte UTF-8 sequences, invalid sequences}. */
  private static int[] utf8Sequences(byte[] bytes) {
    int valid = 0;
    int invalid = 0;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int extra = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
      boolean ok = extra > 0;
      for (int k = 1; ok && k <= extra; k++) {
        ok = i + k < bytes.length && (bytes[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        valid++;
        i += extra + 1;
      } else {
        invalid++;
        i++;
      }
    }
    return new int[] {valid, invalid};
  }

  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
