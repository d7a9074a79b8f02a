package app.omniy.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Computed holidays against the Cabinet Office's published lists (SUP-1). */
class JapaneseHolidaysTest {

  @Test
  void matches_the_published_list_for_2025_with_three_substitute_holidays() {
    assertThat(JapaneseHolidays.of(2025))
        .containsExactlyElementsOf(
            dates(
                2025, "01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03",
                "05-04", "05-05", "05-06", "07-21", "08-11", "09-15", "09-23", "10-13", "11-03",
                "11-23", "11-24"));
  }

  @Test
  void matches_the_published_list_for_2026_with_an_in_between_holiday_in_september() {
    assertThat(JapaneseHolidays.of(2026))
        .containsExactlyElementsOf(
            dates(
                2026, "01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04",
                "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03",
                "11-23"));
  }

  @Test
  void matches_the_published_list_for_2027_where_the_vernal_equinox_falls_on_a_sunday() {
    assertThat(JapaneseHolidays.of(2027))
        .containsExactlyElementsOf(
            dates(
                2027, "01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29", "05-03",
                "05-04", "05-05", "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23"));
  }

  @Test
  void handles_the_one_off_years_of_the_enthronement_and_the_olympics() {
    assertThat(JapaneseHolidays.of(2019))
        .contains(
            dates(2019, "04-29", "04-30", "05-01", "05-02", "05-06", "10-22")
                .toArray(LocalDate[]::new))
        .doesNotContain(LocalDate.of(2019, 12, 23), LocalDate.of(2019, 2, 23));
    assertThat(JapaneseHolidays.of(2021))
        .contains(dates(2021, "07-22", "07-23", "08-08", "08-09").toArray(LocalDate[]::new))
        .doesNotContain(LocalDate.of(2021, 7, 19), LocalDate.of(2021, 10, 11));
  }

  @Test
  void equinoxes_follow_the_formula_without_floating_point() {
    assertThat(JapaneseHolidays.vernalEquinoxDay(2024)).isEqualTo(20);
    assertThat(JapaneseHolidays.autumnalEquinoxDay(2024)).isEqualTo(22);
    assertThat(JapaneseHolidays.of(2024))
        .contains(LocalDate.of(2024, 9, 22), LocalDate.of(2024, 9, 23));
    assertThat(JapaneseHolidays.vernalEquinoxDay(2027)).isEqualTo(21);
  }

  @Test
  void years_outside_the_formulas_range_are_rejected_naming_the_field() {
    assertThatThrownBy(() -> JapaneseHolidays.of(1999))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("year = '1999'");
  }

  private static List<LocalDate> dates(int year, String... monthDays) {
    return Arrays.stream(monthDays).map(md -> LocalDate.parse(year + "-" + md)).toList();
  }
}
