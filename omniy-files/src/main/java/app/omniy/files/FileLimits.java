package app.omniy.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The bounds every file is held to before a parser sees it, each checked in one pass over the
 * bytes: its size ({@link ConfigFiles#MAX_BYTES}), UTF-8, and for YAML the length of a line ({@link
 * ConfigFiles#MAX_LINE_BYTES}).
 *
 * <p>The line bound keeps YAML parsing linear. SnakeYAML scans an unbroken run of characters (a
 * word, a quoted value without spaces) by peeking ever further ahead before it consumes anything,
 * and copies its whole look-ahead window for every 1024 characters it reads: a run of n characters
 * costs about n²/2048 copies, so a 3 MB one-line value took 20 s and a 50 MB one never finished. A
 * run never crosses a line break, so with lines of at most 16 KiB the copies are at most 8 per
 * byte.
 */
final class FileLimits {
  private static final int CHUNK = 8192;

  private FileLimits() {}

  /** Checks {@code content}, read from {@code file}, against every bound. */
  static void check(Path file, byte[] content, boolean yaml) {
    size(file, content.length);
    utf8(file, content);
    if (yaml) {
      lines(file, content);
    }
  }

  /** Refuses a file of {@code size} bytes over {@link ConfigFiles#MAX_BYTES}. */
  static void size(Path file, long size) {
    if (size > ConfigFiles.MAX_BYTES) {
      throw new InvalidFileException(file, 0, 0, "", "is " + size + " bytes; " + limit());
    }
  }

  /** The reason given for a file found to be over the limit while it was read. */
  static String overLimit() {
    return "is more than " + ConfigFiles.MAX_BYTES + " bytes; " + limit();
  }

  private static String limit() {
    return "a file may have at most " + ConfigFiles.MAX_BYTES + " bytes (3 MiB)";
  }

  /** Refuses bytes that are not UTF-8, naming the line, column and offset of the first bad one. */
  static void utf8(Path file, byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        throw notUtf8(file, content, in.position());
      }
      if (result.isOverflow()) {
        out.clear();
        continue;
      }
      return;
    }
  }

  private static InvalidFileException notUtf8(Path file, byte[] content, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (content[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // Every byte before the bad one is UTF-8: count characters by their first bytes.
    int column = 1;
    for (int i = lineStart; i < offset; i++) {
      if ((content[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new InvalidFileException(
        file,
        line,
        column,
        "",
        String.format("not valid UTF-8: byte 0x%02X at offset %d", content[offset] & 0xFF, offset));
  }

  /** Refuses a line longer than {@link ConfigFiles#MAX_LINE_BYTES}, with its number and length. */
  static void lines(Path file, byte[] content) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= content.length; i++) {
      if (i < content.length && content[i] != '\n' && content[i] != '\r') {
        continue;
      }
      int length = i - start;
      if (length > ConfigFiles.MAX_LINE_BYTES) {
        throw new InvalidFileException(
            file,
            line,
            0,
            "",
            "line is "
                + length
                + " bytes long; a YAML line may have at most "
                + ConfigFiles.MAX_LINE_BYTES
                + " bytes");
      }
      if (i + 1 < content.length && content[i] == '\r' && content[i + 1] == '\n') {
        i++;
      }
      line++;
      start = i + 1;
    }
  }
}
