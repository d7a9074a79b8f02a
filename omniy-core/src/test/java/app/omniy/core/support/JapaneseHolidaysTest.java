package app.omniy.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Computed holidays against the Cabinet Office's published lists (SUP-1). */
class JapaneseHolidaysTest {

  /**
   * The published holidays by year: the Cabinet Office's syukujitsu.csv for 2000–2027 and the
   * holiday_jp data set for 2028–2030 (the resource's header names both sources).
   */
  private static final Map<Integer, TreeSet<LocalDate>> PUBLISHED =
      published("syukujitsu-2000-2030.csv");

  @ParameterizedTest(name = "{0} matches the published list")
  @ValueSource(
      ints = {
        2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014,
        2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029,
        2030
      })
  void every_year_from_2000_to_2030_matches_the_published_list_day_for_day(int year) {
    assertThat(PUBLISHED).containsKey(year);
    assertThat(JapaneseHolidays.of(year)).containsExactlyElementsOf(PUBLISHED.get(year));
  }

  @Test
  void before_2007_a_sunday_between_two_holidays_was_no_holiday_and_gave_no_substitute() {
    assertThat(JapaneseHolidays.of(2003))
        .contains(dates(2003, "04-29", "05-03", "05-05").toArray(LocalDate[]::new))
        .doesNotContain(LocalDate.of(2003, 5, 4), LocalDate.of(2003, 5, 6));
    assertThat(JapaneseHolidays.of(2002))
        .as("a Saturday between two holidays was one, and Sunday 5 May gave Monday 6 May")
        .contains(dates(2002, "05-03", "05-04", "05-05", "05-06").toArray(LocalDate[]::new));
  }

  @Test
  void greenery_day_is_april_29_until_2006_and_may_4_from_2007_when_april_29_became_showa_day() {
    assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2006, 4, 29))).isTrue();
    assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2007, 4, 29))).isTrue();
    assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2008, 5, 4))).isTrue();
    assertThat(JapaneseHolidays.of(2008))
        .as("Greenery Day on a Sunday gives the next day that is no holiday: Tuesday 6 May")
        .contains(LocalDate.of(2008, 5, 6))
        .doesNotContain(LocalDate.of(2008, 5, 7));
  }

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

  private static Map<Integer, TreeSet<LocalDate>> published(String resource) {
    DateTimeFormatter slashed = DateTimeFormatter.ofPattern("uuuu/M/d");
    try (InputStream in =
            Objects.requireNonNull(
                JapaneseHolidaysTest.class.getResourceAsStream(resource), resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .filter(line -> !line.isEmpty() && Character.isDigit(line.charAt(0)))
          .map(line -> LocalDate.parse(line.substring(0, line.indexOf(',')), slashed))
          .collect(
              Collectors.groupingBy(
                  LocalDate::getYear, TreeMap::new, Collectors.toCollection(TreeSet::new)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<LocalDate> dates(int year, String... monthDays) {
    return Arrays.stream(monthDays).map(md -> LocalDate.parse(year + "-" + md)).toList();
  }
}
