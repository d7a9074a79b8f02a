package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;

/**
 * An Instagram user tagged on the media (POST-1) at a position given as fractions of the width and
 * height, 0 to 1 inclusive, with at most {@link #MAX_DECIMALS} decimal places, as the Graph API's
 * {@code user_tags} take them.
 *
 * @param username the tagged account's username, without {@code @}
 * @param x horizontal position, 0 (left) to 1 (right)
 * @param y vertical position, 0 (top) to 1 (bottom)
 */
public record UserTag(String username, BigDecimal x, BigDecimal y) {
  /**
   * @throws InvalidValueException naming the field if one is missing, or a position lies outside
   *     0–1 or has more than {@link #MAX_DECIMALS} decimal places
   */
  public UserTag {
    Require.nonBlank(username, "username");
    unit(x, "x");
    unit(y, "y");
  }

  /** A tag at the centre of the media. */
  public static UserTag centred(String username) {
    return new UserTag(username, new BigDecimal("0.5"), new BigDecimal("0.5"));
  }

  /**
   * The most decimal places a position may have. The Graph API's {@code user_tags} takes positions
   * written out in full ({@code 0.5}); a value such as {@code 1E-999999999} lies between 0 and 1
   * but takes a gigabyte to write out, so it is refused here rather than at publishing.
   */
  public static final int MAX_DECIMALS = 20;

  private static void unit(BigDecimal value, String field) {
    Require.nonNull(value, field);
    // Compared and reported in scientific notation: a fuzzed 1E+999999999 written out in full
    // (toPlainString) would be a gigabyte of zeros in the message.
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException(field, value.toString(), "must be between 0 and 1");
    }
    if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw new InvalidValueException(
          field, value.toString(), "must have at most " + MAX_DECIMALS + " decimal places");
    }
  }
}
