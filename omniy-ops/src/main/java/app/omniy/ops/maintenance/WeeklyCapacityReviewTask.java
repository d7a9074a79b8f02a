package app.omniy.ops.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.core.post.PostState;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.ops.report.CostFigures;
import app.omniy.ops.report.ReportJson;
import app.omniy.ops.report.ReportMarkdown;
import app.omniy.ops.report.WeeklyCapacityReview;
import app.omniy.ops.report.WeeklyCapacityReview.AccountCapacity;
import app.omniy.ops.report.WeeklySystemReview;
import app.omniy.ops.spi.ReportSink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Friday 09:00 JST capacity and cost review (MNT-2): for each account the host lists, the
 * publishing slots taken in the seven JST days before the run's day, the most it held in any
 * rolling quota window ending in those days against the limit (POST-3), and its unfinished posts;
 * then the cost ratios of KPI-1 from the figures the host supplies. Written to a {@link ReportSink}
 * as {@code capacity-review-{first day}.md} and {@code .json}.
 *
 * <p>Everything comes from {@link PostStore#publishSlots} and {@link PostStore#findByAccount}, the
 * store's own quota view shared by every runtime, so no worker's memory is needed. An account near
 * its limit is what the review is for and never fails the run; a store or source that cannot be
 * read does.
 */
public final class WeeklyCapacityReviewTask implements BuiltInTask {
  /** The states of posts not yet finished, counted as pending. */
  static final Set<PostState> PENDING =
      EnumSet.of(
          PostState.SCHEDULED, PostState.RETRY_WAIT, PostState.PUBLISHING, PostState.NEEDS_REAUTH);

  private final PostStore posts;
  private final Supplier<? extends Collection<String>> accounts;
  private final QuotaPolicy quota;
  private final Supplier<Optional<CostFigures>> costs;
  private final ReportSink sink;

  /**
   * @param posts the post store the dispatcher uses
   * @param accounts the accounts to review (the store cannot list them)
   * @param quota the publishing limit and window; {@link QuotaPolicy#DEFAULTS} for Instagram's
   * @param costs the latest cost figures, or empty when the host has none yet
   * @param sink where the review is written
   * @throws InvalidValueException if an argument is missing
   */
  public WeeklyCapacityReviewTask(
      PostStore posts,
      Supplier<? extends Collection<String>> accounts,
      QuotaPolicy quota,
      Supplier<Optional<CostFigures>> costs,
      ReportSink sink) {
    this.posts = Require.nonNull(posts, "posts");
    this.accounts = Require.nonNull(accounts, "accounts");
    this.quota = Require.nonNull(quota, "quota");
    this.costs = Require.nonNull(costs, "costs");
    this.sink = Require.nonNull(sink, "sink");
  }

  @Override
  public String jobId() {
    return JobIds.WEEKLY_CAPACITY_REVIEW;
  }

  @Override
  public String name() {
    return "capacity-review";
  }

  /**
   * @throws TaskFailedException if the store, the accounts or the costs cannot be read
   */
  @Override
  public String run(JobContext context) {
    LocalDate weekStart = Tasks.weekStart(context);
    Instant from = Tasks.startOf(weekStart, context);
    Instant to = Tasks.startOf(weekStart.plusDays(WeeklySystemReview.DAYS), context);
    List<AccountCapacity> rows = new ArrayList<>();
    for (String account : Tasks.read("the accounts", accounts)) {
      // Slots taken up to one window before the week still count in the week's first windows.
      List<Instant> slots =
          Tasks.read(
                  "the publishing slots of " + account,
                  () -> posts.publishSlots(account, from.minus(quota.window())))
              .values()
              .stream()
              .sorted()
              .toList();
      long pending =
          Tasks.read("the pending posts of " + account, () -> posts.findByAccount(account, PENDING))
              .size();
      rows.add(capacity(account, slots, from, to, pending));
    }
    CostFigures cost = Tasks.read("the cost figures", costs).orElse(null);
    WeeklyCapacityReview review =
        new WeeklyCapacityReview(context.zone(), weekStart, context.started(), rows, cost);
    String base = "capacity-review-" + weekStart;
    sink.write(base + ".md", ReportMarkdown.weeklyCapacity(review));
    sink.write(base + ".json", ReportJson.toJson(ReportJson.weeklyCapacity(review)));
    int peak = rows.stream().mapToInt(AccountCapacity::peakSlots).max().orElse(0);
    return "wrote "
        + base
        + ".md and .json ("
        + rows.size()
        + " account(s), highest peak "
        + peak
        + " of "
        + quota.defaultPublishLimit()
        + ")";
  }

  /**
   * The account's row. The window at {@code t} is {@code (t − window, t]} as {@link QuotaPolicy}
   * decides it, and its count only rises at a slot's instant, so the peak is found by counting at
   * each slot taken in the week.
   */
  private AccountCapacity capacity(
      String account, List<Instant> slots, Instant from, Instant to, long pending) {
    long taken = 0;
    int peak = 0;
    Instant peakAt = null;
    int first = 0;
    for (int n = 0; n < slots.size(); n++) {
      Instant t = slots.get(n);
      while (!slots.get(first).isAfter(t.minus(quota.window()))) {
        first++;
      }
      if (t.isBefore(from) || !t.isBefore(to)) {
        continue;
      }
      taken++;
      int inWindow = n - first + 1;
      if (inWindow > peak) {
        peak = inWindow;
        peakAt = t;
      }
    }
    return new AccountCapacity(account, taken, peak, peakAt, quota.defaultPublishLimit(), pending);
  }
}
