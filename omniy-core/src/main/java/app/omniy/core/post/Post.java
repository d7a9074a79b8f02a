package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled Instagram post as the host asked for it (POST-1). Immutable; the construction checks
 * only that the parts are present and well-formed, so that {@link PostValidator} can report every
 * rule a post breaks at once (POST-2).
 *
 * @param id the host's id for the post, unique in a store
 * @param accountId the Instagram account it is published to (POST-10)
 * @param media what is published
 * @param caption the caption, possibly empty
 * @param userTags users tagged on the media
 * @param firstComment a comment to add right after publishing; {@code null} for none
 * @param publishAt when to publish, an instant between {@link Require#EARLIEST_INSTANT} and {@link
 *     Require#LATEST_INSTANT}
 * @param zone the account's time zone, kept for display and calendar rules (not for the instant)
 */
public record Post(
    String id,
    String accountId,
    Media media,
    String caption,
    List<UserTag> userTags,
    @Nullable String firstComment,
    Instant publishAt,
    ZoneId zone) {

  /**
   * @throws InvalidValueException naming the field if one is missing, an id is blank or the publish
   *     time lies outside the years −10000 to 10000
   */
  public Post {
    Require.nonBlank(id, "id");
    Require.nonBlank(accountId, "accountId");
    Require.nonNull(media, "media");
    Require.nonNull(caption, "caption");
    Require.nonNull(userTags, "userTags");
    for (int i = 0; i < userTags.size(); i++) {
      Require.nonNull(userTags.get(i), "userTags[" + i + "]");
    }
    userTags = List.copyOf(userTags);
    Require.instant(publishAt, "publishAt");
    Require.nonNull(zone, "zone");
  }

  /** A builder for a post of {@code accountId} with id {@code id}. */
  public static Builder builder(String id, String accountId) {
    return new Builder().id(id).accountId(accountId);
  }

  /** The first comment, if any. */
  public Optional<String> firstCommentText() {
    return Optional.ofNullable(firstComment);
  }

  /** A builder holding this post's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .accountId(accountId)
        .media(media)
        .caption(caption)
        .userTags(userTags)
        .firstComment(firstComment)
        .publishAt(publishAt)
        .zone(zone);
  }

  /** This post with another publish instant. */
  public Post withPublishAt(Instant instant) {
    return toBuilder().publishAt(instant).build();
  }

  /** Collects a post's values; {@link #build()} checks them. The caption defaults to empty. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String accountId;
    private @Nullable Media media;
    private String caption = "";
    private List<UserTag> userTags = new ArrayList<>();
    private @Nullable String firstComment;
    private @Nullable Instant publishAt;
    private @Nullable ZoneId zone;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder media(Media media) {
      this.media = media;
      return this;
    }

    public Builder caption(String caption) {
      this.caption = caption;
      return this;
    }

    public Builder userTags(List<UserTag> userTags) {
      this.userTags = userTags == null ? null : new ArrayList<>(userTags);
      return this;
    }

    /** Adds one user tag. */
    public Builder userTag(UserTag tag) {
      Require.nonNull(userTags, "userTags").add(tag);
      return this;
    }

    /** The first comment; {@code null} for none. */
    public Builder firstComment(@Nullable String firstComment) {
      this.firstComment = firstComment;
      return this;
    }

    public Builder publishAt(Instant publishAt) {
      this.publishAt = publishAt;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /**
     * The post.
     *
     * @throws InvalidValueException naming the first missing or malformed field
     */
    public Post build() {
      return new Post(
          Require.nonBlank(id, "id"),
          Require.nonBlank(accountId, "accountId"),
          Require.nonNull(media, "media"),
          Require.nonNull(caption, "caption"),
          Require.nonNull(userTags, "userTags"),
          firstComment,
          Require.nonNull(publishAt, "publishAt"),
          Require.nonNull(zone, "zone"));
    }
  }
}
