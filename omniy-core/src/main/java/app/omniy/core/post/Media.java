package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.util.List;

/**
 * What a post publishes (POST-1): a single image, a carousel of images and videos, or a reel. A
 * carousel holds {@link MediaItem}s, never another {@code Media}, so "no reels inside a carousel"
 * (POST-2) holds by construction; the item count is checked by {@link PostValidator} so that an
 * empty or oversized carousel is reported with the post's other problems.
 */
public sealed interface Media permits Media.Image, Media.Carousel, Media.Reel {

  /** The items in publishing order: one for an image or a reel. */
  List<MediaItem> items();

  /**
   * How many media containers Instagram creates to publish this (POST-3): one per carousel item
   * plus the carousel's own, otherwise one.
   */
  default int containersNeeded() {
    return this instanceof Carousel c ? c.items().size() + 1 : 1;
  }

  /** A single image post. */
  static Media image(MediaItem item) {
    return new Image(item);
  }

  /** A carousel of 2–10 images and videos, in order. */
  static Media carousel(List<MediaItem> items) {
    return new Carousel(items);
  }

  /** A reel (Instagram publishes single videos as reels). */
  static Media reel(MediaItem video) {
    return new Reel(video);
  }

  /**
   * A single image. Kept as its own record rather than a one-item list, which saves a list object
   * per stored post (see {@code docs/posts.md}, heap per pending post).
   *
   * @param item the image
   */
  record Image(MediaItem item) implements Media {
    /**
     * @throws InvalidValueException naming {@code media.item} if missing
     */
    public Image {
      Require.nonNull(item, "media.item");
    }

    @Override
    public List<MediaItem> items() {
      return List.of(item);
    }
  }

  /**
   * A carousel.
   *
   * @param items the items, in order
   */
  record Carousel(List<MediaItem> items) implements Media {
    /**
     * @throws InvalidValueException naming {@code media.items} if the list or an item is missing
     */
    public Carousel {
      Require.nonNull(items, "media.items");
      for (int i = 0; i < items.size(); i++) {
        Require.nonNull(items.get(i), "media.items[" + i + "]");
      }
      items = List.copyOf(items);
    }
  }

  /**
   * A reel.
   *
   * @param video the video
   */
  record Reel(MediaItem video) implements Media {
    /**
     * @throws InvalidValueException naming {@code media.video} if missing
     */
    public Reel {
      Require.nonNull(video, "media.video");
    }

    @Override
    public List<MediaItem> items() {
      return List.of(video);
    }
  }
}
