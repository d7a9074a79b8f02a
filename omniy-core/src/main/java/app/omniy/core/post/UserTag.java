package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;

/**
 * An Instagram user tagged on the media (POST-1) at a position given as fractions of the width and
 * height, 0 to 1 inclusive, as the Graph API's {@code user_tags} take them. A position has at most
 * {@value #DECIMAL_PLACES} decimal places (a ten-thousandth of the media, a tenth of a pixel at
 * Instagram's 1080-pixel width): Meta documents no finer precision, and a longer decimal is refused
 * rather than rounded, so that what is sent is exactly what was given (POST-2).
 *
 * @param username the tagged account's username, without {@code @}
 * @param x horizontal position, 0 (left) to 1 (right)
 * @param y vertical position, 0 (top) to 1 (bottom)
 */
public record UserTag(String username, BigDecimal x, BigDecimal y) {
  /** The most decimal places a position may have. */
  public static final int DECIMAL_PLACES = 4;

  /**
   * @throws InvalidValueException naming the field if one is missing, a position has more than
   *     {@value #DECIMAL_PLACES} decimal places or lies outside 0–1
   */
  public UserTag {
    Require.nonBlank(username, "username");
    x = unit(x, "x");
    y = unit(y, "y");
  }

  /** A tag at the centre of the media. */
  public static UserTag centred(String username) {
    return new UserTag(username, new BigDecimal("0.5"), new BigDecimal("0.5"));
  }

  private static BigDecimal unit(BigDecimal value, String field) {
    BigDecimal bounded = Require.decimal(value, 1, DECIMAL_PLACES, field);
    if (bounded.signum() < 0 || bounded.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException(field, bounded, "must be between 0 and 1");
    }
    return bounded;
  }
}
