package app.omniy.testkit.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A media container as the fake keeps it. Guarded by {@link GraphState}'s lock. */
final class Container {
  /** Containers not published within 24 hours expire, as on the real API. */
  static final Duration LIFETIME = Duration.ofHours(24);

  enum Kind {
    IMAGE,
    VIDEO,
    CAROUSEL
  }

  final String id;
  final String accountId;
  final Kind kind;
  final Instant createdAt;
  final List<Container> children;
  final boolean carouselItem;
  final Duration processingTime;
  @Nullable Integer errorSubcode;
  int publishCount;

  Container(
      String id,
      String accountId,
      Kind kind,
      Instant createdAt,
      List<Container> children,
      boolean carouselItem,
      Duration processingTime) {
    this.id = id;
    this.accountId = accountId;
    this.kind = kind;
    this.createdAt = createdAt;
    this.children = List.copyOf(children);
    this.carouselItem = carouselItem;
    this.processingTime = processingTime;
  }

  /** {@code IN_PROGRESS}, {@code FINISHED}, {@code PUBLISHED}, {@code ERROR} or {@code EXPIRED}. */
  String statusCode(Instant now) {
    if (publishCount > 0) {
      return "PUBLISHED";
    }
    if (errorSubcode != null
        || children.stream().anyMatch(c -> c.statusCode(now).equals("ERROR"))) {
      return "ERROR";
    }
    if (!now.isBefore(createdAt.plus(LIFETIME))) {
      return "EXPIRED";
    }
    if (now.isBefore(createdAt.plus(processingTime))
        || children.stream().anyMatch(c -> c.statusCode(now).equals("IN_PROGRESS"))) {
      return "IN_PROGRESS";
    }
    return "FINISHED";
  }

  /** The {@code status} text Meta sends beside the code, carrying the error subcode. */
  String status(Instant now) {
    return switch (statusCode(now)) {
      case "ERROR" -> "Error: " + (errorSubcode == null ? 2207053 : errorSubcode);
      case "EXPIRED" -> "Expired: the container was not published within 24 hours";
      case "IN_PROGRESS" -> "In Progress";
      case "PUBLISHED" -> "Published";
      default -> "Finished";
    };
  }
}
