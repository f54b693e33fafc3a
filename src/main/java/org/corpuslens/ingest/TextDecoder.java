package org.corpuslens.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text, or rejects them. A byte-order mark decides the charset (UTF-8,
 * UTF-16 LE/BE); otherwise the bytes must be valid UTF-8. NUL bytes outside UTF-16 mean the file is
 * binary. Decoding is strict: invalid bytes give a reject, never replacement characters.
 */
public final class TextDecoder {
  private TextDecoder() {}

  /**
   * Decodes {@code bytes}.
   *
   * @throws RejectException {@link RejectReason#EMPTY_FILE}, {@link RejectReason#BINARY} or {@link
   *     RejectReason#UNDECODABLE}
   */
  public static String decode(byte[] bytes) throws RejectException {
    if (bytes.length == 0) {
      throw new RejectException(RejectReason.EMPTY_FILE, "the file is empty (0 bytes)");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strict(bytes, 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strict(bytes, 2, StandardCharsets.UTF_16LE);
    }
    int nul = indexOfNul(bytes);
    if (nul >= 0) {
      throw new RejectException(
          RejectReason.BINARY, "the file is not text: NUL byte at offset " + nul);
    }
    int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    return strict(bytes, offset, StandardCharsets.UTF_8);
  }

  private static String strict(byte[] bytes, int offset, Charset charset) throws RejectException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new RejectException(
          RejectReason.UNDECODABLE,
          "the bytes are not valid " + charset.name() + " (near byte offset " + in.position() + ")",
          e);
    }
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
