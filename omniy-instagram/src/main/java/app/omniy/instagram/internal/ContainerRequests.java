package app.omniy.instagram.internal;

import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.UserTag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of {@code POST /{ig-user-id}/media} for each kind of post: an image ({@code
 * image_url}, no {@code media_type}), a reel ({@code media_type=REELS}), a carousel item ({@code
 * is_carousel_item=true}; {@code media_type=VIDEO} for a video; no caption) and the carousel itself
 * ({@code media_type=CAROUSEL}, {@code children}).
 */
public final class ContainerRequests {
  private ContainerRequests() {}

  public static Map<String, String> image(Post post, MediaItem image) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("image_url", image.url());
    captionAndTags(post, params);
    return params;
  }

  public static Map<String, String> reel(Post post, MediaItem video) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("media_type", "REELS");
    params.put("video_url", video.url());
    params.put("share_to_feed", "true");
    captionAndTags(post, params);
    return params;
  }

  public static Map<String, String> carouselItem(MediaItem item) {
    Map<String, String> params = new LinkedHashMap<>();
    if (item.type() == MediaItem.Type.VIDEO) {
      params.put("media_type", "VIDEO");
      params.put("video_url", item.url());
    } else {
      params.put("image_url", item.url());
    }
    params.put("is_carousel_item", "true");
    return params;
  }

  public static Map<String, String> carousel(Post post, List<String> childIds) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("media_type", "CAROUSEL");
    params.put("children", String.join(",", childIds));
    captionAndTags(post, params);
    return params;
  }

  private static void captionAndTags(Post post, Map<String, String> params) {
    if (!post.caption().isEmpty()) {
      params.put("caption", post.caption());
    }
    if (!post.userTags().isEmpty()) {
      params.put("user_tags", userTags(post.userTags()));
    }
  }

  /** {@code [{"username":"a","x":0.5,"y":0.5}]}; usernames are checked by the validator. */
  static String userTags(List<UserTag> tags) {
    return tags.stream()
        .map(
            t ->
                "{\"username\":\""
                    + t.username().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"x\":"
                    + t.x().toPlainString()
                    + ",\"y\":"
                    + t.y().toPlainString()
                    + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
