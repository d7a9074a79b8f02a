package app.omniy.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.security.LoginAnomaly.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ALERT-I3: bursts of failed logins and logins from a new country or device. */
class LoginAnomalyDetectorTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final LoginAnomalyDetector detector =
      LoginAnomalyDetector.create(LoginAnomalySettings.DEFAULTS);

  private static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  private List<Kind> fail(String account, String source, Duration offset) {
    return kinds(detector.accept(LoginEvent.failure(account, source, "JP", "ios", at(offset))));
  }

  private List<Kind> succeed(String account, String country, String device, Duration offset) {
    return kinds(
        detector.accept(LoginEvent.success(account, "198.51.100.1", country, device, at(offset))));
  }

  private static List<Kind> kinds(List<LoginAnomaly> found) {
    return found.stream().map(LoginAnomaly::kind).toList();
  }

  @Test
  void the_fifth_failed_login_of_an_account_within_15_minutes_is_a_burst() {
    for (int i = 0; i < 4; i++) {
      assertThat(fail("yuki", "203.0.113." + i, Duration.ofMinutes(i))).isEmpty();
    }

    List<LoginAnomaly> found =
        detector.accept(LoginEvent.failure("yuki", "203.0.113.9", "JP", "ios", at(ofMin(14))));

    assertThat(found)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Kind.ACCOUNT_FAILURE_BURST);
              assertThat(a.account()).isEqualTo("yuki");
              assertThat(a.at()).isEqualTo(at(ofMin(14)));
              assertThat(a.detail()).isEqualTo("5 failed logins for account 'yuki' within PT15M");
            });
  }

  @Test
  void a_failure_exactly_15_minutes_old_still_counts_and_one_older_does_not() {
    fail("yuki", "a", Duration.ZERO);
    fail("yuki", "b", ofMin(1));
    fail("yuki", "c", ofMin(2));
    fail("yuki", "d", ofMin(3));
    // At 15:00 the first failure is exactly 15 minutes old: five within the window.
    assertThat(fail("yuki", "e", ofMin(15))).containsExactly(Kind.ACCOUNT_FAILURE_BURST);

    fail("mei", "a", Duration.ZERO);
    fail("mei", "b", ofMin(1));
    fail("mei", "c", ofMin(2));
    fail("mei", "d", ofMin(3));
    // One millisecond later the first one has left the window: only four remain.
    assertThat(fail("mei", "e", ofMin(15).plusMillis(1))).isEmpty();
  }

  @Test
  void after_a_burst_the_account_counts_afresh_so_a_long_attack_reports_once_per_five() {
    List<Kind> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.addAll(fail("yuki", "203.0.113." + i, Duration.ofSeconds(i)));
    }
    assertThat(all).containsExactly(Kind.ACCOUNT_FAILURE_BURST, Kind.ACCOUNT_FAILURE_BURST);
  }

  @Test
  void twenty_failures_from_one_source_over_many_accounts_are_a_source_burst() {
    List<LoginAnomaly> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.addAll(
          detector.accept(
              LoginEvent.failure(
                  "user" + i, "203.0.113.7", null, null, at(Duration.ofSeconds(i)))));
    }
    assertThat(all)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Kind.SOURCE_FAILURE_BURST);
              assertThat(a.source()).isEqualTo("203.0.113.7");
              assertThat(a.account()).isEqualTo("user19");
              assertThat(a.detail()).isEqualTo("20 failed logins from 203.0.113.7 within PT15M");
            });
  }

  @Test
  void one_failure_can_complete_an_account_burst_and_a_source_burst_at_once() {
    LoginAnomalyDetector tight =
        LoginAnomalyDetector.create(
            LoginAnomalySettings.builder().accountFailures(2).sourceFailures(2).build());
    tight.accept(LoginEvent.failure("yuki", "203.0.113.7", null, null, T0));

    List<LoginAnomaly> found =
        tight.accept(LoginEvent.failure("yuki", "203.0.113.7", null, null, T0.plusSeconds(1)));

    assertThat(kinds(found)).containsExactly(Kind.ACCOUNT_FAILURE_BURST, Kind.SOURCE_FAILURE_BURST);
  }

  @Test
  void the_first_login_seen_of_an_account_is_its_baseline_not_an_anomaly() {
    assertThat(succeed("yuki", "JP", "ios", Duration.ZERO)).isEmpty();
    assertThat(succeed("yuki", "JP", "ios", ofMin(60))).isEmpty();
  }

  @Test
  void a_successful_login_from_a_new_country_or_device_is_an_anomaly() {
    succeed("yuki", "JP", "ios", Duration.ZERO);

    assertThat(succeed("yuki", "US", "ios", ofMin(1))).containsExactly(Kind.NEW_COUNTRY);
    assertThat(succeed("yuki", "JP", "windows-chrome", ofMin(2))).containsExactly(Kind.NEW_DEVICE);
    assertThat(succeed("yuki", "BR", "linux-firefox", ofMin(3)))
        .containsExactly(Kind.NEW_COUNTRY, Kind.NEW_DEVICE);
    // Now known: no finding the second time.
    assertThat(succeed("yuki", "US", "windows-chrome", ofMin(4))).isEmpty();
  }

  @Test
  void the_finding_names_the_country_and_the_device() {
    succeed("yuki", "JP", "ios", Duration.ZERO);

    List<LoginAnomaly> found =
        detector.accept(LoginEvent.success("yuki", "192.0.2.4", "us", "android", at(ofMin(1))));

    assertThat(found)
        .extracting(LoginAnomaly::detail)
        .containsExactly(
            "successful login for account 'yuki' from a new country US",
            "successful login for account 'yuki' from a new device 'android'");
  }

  @Test
  void failed_logins_and_unknown_countries_or_devices_never_count_as_new() {
    succeed("yuki", "JP", "ios", Duration.ZERO);

    assertThat(fail("yuki", "203.0.113.7", ofMin(1))).isEmpty(); // a failure teaches nothing
    assertThat(succeed("yuki", null, null, ofMin(2))).isEmpty();
    assertThat(succeed("yuki", " ", "", ofMin(3))).isEmpty();
  }

  @Test
  void a_country_not_seen_for_90_days_is_forgotten_while_a_recent_one_stays_known() {
    succeed("yuki", "JP", "ios", Duration.ZERO);
    succeed("yuki", "US", "ios", Duration.ofDays(80));

    assertThat(succeed("yuki", "US", "ios", Duration.ofDays(100))).isEmpty();
    assertThat(succeed("yuki", "JP", "ios", Duration.ofDays(100).plusMinutes(1)))
        .containsExactly(Kind.NEW_COUNTRY);
  }

  @Test
  void at_most_the_configured_number_of_countries_is_remembered_per_account() {
    LoginAnomalyDetector small =
        LoginAnomalyDetector.create(LoginAnomalySettings.builder().knownPerAccount(2).build());
    small.accept(LoginEvent.success("yuki", "s", "JP", null, T0));
    small.accept(LoginEvent.success("yuki", "s", "US", null, T0.plusSeconds(1)));
    small.accept(LoginEvent.success("yuki", "s", "FR", null, T0.plusSeconds(2)));

    // JP was the least recently seen of three and was forgotten; FR and US are still known.
    assertThat(kinds(small.accept(LoginEvent.success("yuki", "s", "US", null, T0.plusSeconds(3)))))
        .isEmpty();
    assertThat(kinds(small.accept(LoginEvent.success("yuki", "s", "JP", null, T0.plusSeconds(4)))))
        .containsExactly(Kind.NEW_COUNTRY);
  }

  @Test
  void memory_stays_bounded_under_a_distributed_attack_and_prune_empties_it() {
    LoginAnomalyDetector bounded =
        LoginAnomalyDetector.create(LoginAnomalySettings.builder().maxTracked(100).build());
    for (int i = 0; i < 10_000; i++) {
      bounded.accept(
          LoginEvent.failure("user" + i, "10.0." + (i / 256) + "." + (i % 256), null, null, T0));
      bounded.accept(LoginEvent.success("user" + i, "s", "JP", "ios", T0));
    }
    assertThat(bounded.tracked()).isEqualTo(new LoginAnomalyDetector.Tracked(100, 100, 100));

    bounded.prune(T0.plus(Duration.ofMinutes(16)));
    assertThat(bounded.tracked()).isEqualTo(new LoginAnomalyDetector.Tracked(0, 0, 100));

    bounded.prune(T0.plus(Duration.ofDays(91)));
    assertThat(bounded.tracked()).isEqualTo(new LoginAnomalyDetector.Tracked(0, 0, 0));
  }

  @Test
  void settings_out_of_range_are_rejected_naming_the_setting() {
    assertThatThrownBy(() -> LoginAnomalySettings.builder().accountFailures(0).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("accountFailures"));
    assertThatThrownBy(() -> LoginAnomalySettings.builder().window(Duration.ZERO).build())
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("window"));
  }

  @Test
  void a_login_event_needs_an_account_and_a_source_and_upper_cases_its_country() {
    assertThatThrownBy(() -> LoginEvent.failure(" ", "203.0.113.7", null, null, T0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("account"));
    assertThatThrownBy(() -> LoginEvent.failure("yuki", "", null, null, T0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("source"));
    assertThat(LoginEvent.success("yuki", "s", " jp ", " ios ", T0))
        .extracting(LoginEvent::country, LoginEvent::device)
        .containsExactly("JP", "ios");
  }

  private static Duration ofMin(long minutes) {
    return Duration.ofMinutes(minutes);
  }
}
