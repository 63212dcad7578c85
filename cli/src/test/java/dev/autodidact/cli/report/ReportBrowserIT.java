package dev.autodidact.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autodidact.learner.checkpoint.CheckpointDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens a generated report in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) through a
 * {@code file://} URL and checks that the browser decodes every chart; leaves a full-page screenshot in {@code
 * target/}. The report is drawn from synthetic manifests, or from a real run's checkpoint directory given as {@code
 * -Dautodidact.report.checkpoints=DIR} (optionally with {@code -Dautodidact.report.labels=DIR} for the map).
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void shouldShowEveryChartOfTheReportInHeadlessChromium() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ReportBrowserIT needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install chromium chromium-driver); skipped");
        Path out = Files.createDirectories(Path.of("target", "report-it").toAbsolutePath());
        ReportWriter.Result report = writeReport(out);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1024,900",
                        "--user-data-dir=" + Files.createTempDirectory("report-it-chromium"));
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.get(report.html().toUri().toString());

            assertThat(driver.getTitle()).isEqualTo(HtmlReport.TITLE);
            List<WebElement> images = driver.findElements(By.tagName("img"));
            assertThat(images).hasSize(report.pngs().size()).isNotEmpty();
            for (WebElement img : images) {
                Object width =
                        driver.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", img);
                assertThat(((Number) width).intValue())
                        .as(img.getAttribute("alt"))
                        .isEqualTo(ReportWriter.WIDTH);
            }
            long height = ((Number) ((JavascriptExecutor) driver)
                            .executeScript("return document.documentElement.scrollHeight;"))
                    .longValue();
            driver.manage().window().setSize(new Dimension(1024, (int) Math.min(height + 100, 16_000)));
            Files.write(out.resolve("report-screenshot.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    private static ReportWriter.Result writeReport(Path out) throws IOException {
        String real = System.getProperty("autodidact.report.checkpoints", "");
        if (real.isEmpty()) {
            SyntheticManifests.write(out.resolve("checkpoints"), 24, true);
            return ReportWriter.write(
                    ReportData.fromDirectory(out.resolve("checkpoints")),
                    XAxis.STEP,
                    Optional.empty(),
                    out.resolve("report.html"),
                    out);
        }
        Path checkpoints = Path.of(real);
        String labels = System.getProperty("autodidact.report.labels", "");
        Optional<ReportChart> map = labels.isEmpty()
                ? Optional.empty()
                : Optional.of(EmbeddingMap.compute(
                                CheckpointDirectory.read(checkpoints).orElseThrow(), Path.of(labels), 2000)
                        .chart());
        return ReportWriter.write(
                ReportData.fromDirectory(checkpoints), XAxis.STEP, map, out.resolve("report.html"), out);
    }
}
