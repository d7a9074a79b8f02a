package app.omniy.core.post;

import app.omniy.core.InvalidValueException;

/**
 * A width-to-height ratio held as two integers and compared exactly (cross-multiplied in {@code
 * long}), never as a {@code double}: 1.91:1 is {@code 191:100}, and an image of exactly that shape
 * must pass while one pixel wider must not.
 *
 * @param width the ratio's width term, positive
 * @param height the ratio's height term, positive
 */
public record AspectRatio(long width, long height) {
  /** 4:5, Instagram's tallest feed image (POST-2). */
  public static final AspectRatio PORTRAIT_4_5 = new AspectRatio(4, 5);

  /** 1.91:1, Instagram's widest feed image (POST-2). */
  public static final AspectRatio LANDSCAPE_191_100 = new AspectRatio(191, 100);

  /**
   * @throws InvalidValueException if a term is not positive
   */
  public AspectRatio {
    if (width <= 0 || height <= 0) {
      throw new InvalidValueException("aspectRatio", width + ":" + height, "must be positive");
    }
  }

  /**
   * Compares {@code w:h} with this ratio: negative if narrower, zero if equal, positive if wider.
   */
  public int compareShape(long w, long h) {
    // w/h ? width/height  <=>  w*height ? width*h (all positive; pixel sizes fit easily in long)
    return Long.compare(Math.multiplyExact(w, height), Math.multiplyExact(width, h));
  }

  @Override
  public String toString() {
    return width + ":" + height;
  }
}
