package app.omniy.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KPI-2: the status page and the dashboard as headless Chromium draws them. The DOM must hold the
 * bars and figures, and the screenshot must be a PNG of the window's size that shows them: the
 * bars' and tiles' colours must be on it, so a page that draws nothing (or only a background)
 * fails. The pages and screenshots stay in {@code target/chromium-render} to look at.
 */
class ChromiumRenderTest {
  private static final Path OUT = Path.of("target", "chromium-render");
  private static final int GREEN = 0x2f9e44;
  private static final int AMBER = 0xe8a317;
  private static final int RED = 0xc92a2a;

  private static Chromium chromium;

  @BeforeAll
  static void findChromium() throws IOException {
    chromium = Chromium.find(OUT);
  }

  @Test
  void the_status_page_shows_ninety_bars_the_incident_and_the_months_figures()
      throws IOException, InterruptedException {
    Path page =
        write(
            "status.html",
            StatusPage.render(
                StatusFixtures.statusPage("Slow posting", "Posting pauses for two hours.")));

    Chromium.Rendering drawn = chromium.render(page, OUT.resolve("status.png"), 1000, 1200);
    String dom = drawn.dom();
    BufferedImage png = drawn.screenshot();

    assertThat(count(dom, "<rect class=\"bar ")).isEqualTo(90);
    assertThat(count(dom, "<rect class=\"bar ok\"")).isEqualTo(87);
    assertThat(dom)
        .contains("Partial outage", "Slow posting", "Posting pauses for two hours.")
        .contains("99.8611%", "99.9500%", "380 ms")
        .contains("<span id=\"uptime-total\">");
    assertThat(png.getWidth()).isEqualTo(1000);
    assertThat(png.getHeight()).isEqualTo(1200);
    assertThat(distinctColours(png)).as("not a blank page").isGreaterThan(20);
    assertThat(pixels(png, GREEN)).as("87 green bars").isGreaterThan(87 * 4 * 30);
    assertThat(pixels(png, AMBER)).as("one amber bar").isGreaterThan(4 * 30);
    assertThat(pixels(png, RED)).as("two red bars").isGreaterThan(2 * 4 * 30);
  }

  @Test
  void the_dashboard_shows_its_four_sections_tiles_and_sparkline()
      throws IOException, InterruptedException {
    Path page = write("dashboard.html", Dashboard.render(StatusFixtures.dashboard("Omniy ops")));

    Chromium.Rendering drawn = chromium.render(page, OUT.resolve("dashboard.png"), 1200, 900);
    String dom = drawn.dom();
    BufferedImage png = drawn.screenshot();

    assertThat(dom)
        .contains("id=\"system\"", "id=\"infrastructure\"", "id=\"business\"")
        .contains("id=\"user-experience\"", "id=\"posts-sparkline\"")
        .contains("99.8800%", "380 ms", "83.0%", "4633200 JPY", "2400 ms", "4.60 / 5");
    assertThat(count(dom, "class=\"tile ")).isGreaterThanOrEqualTo(18);
    assertThat(png.getWidth()).isEqualTo(1200);
    assertThat(png.getHeight()).isEqualTo(900);
    assertThat(distinctColours(png)).as("not a blank page").isGreaterThan(20);
    assertThat(pixels(png, 0x37b24d)).as("green tile borders").isGreaterThan(400);
    assertThat(pixels(png, 0xf59f00)).as("amber tile borders").isGreaterThan(400);
    assertThat(pixels(png, 0xf03e3e)).as("red tile borders").isGreaterThan(400);
  }

  private static Path write(String name, String html) throws IOException {
    Files.createDirectories(OUT);
    return Files.writeString(OUT.resolve(name), html, StandardCharsets.UTF_8);
  }

  private static long count(String text, String literal) {
    return Pattern.compile(Pattern.quote(literal)).matcher(text).results().count();
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours.size();
  }

  /** Pixels within a small tolerance of {@code rgb}: colour management may shift a channel. */
  private static long pixels(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (near(p >> 16, rgb >> 16) && near(p >> 8, rgb >> 8) && near(p, rgb)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean near(int a, int b) {
    return Math.abs((a & 0xff) - (b & 0xff)) <= 6;
  }
}
