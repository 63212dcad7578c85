package dev.autodidact.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final Pattern IMG = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @Test
    void shouldDrawEveryCurveAsPngAndEmbedTheSamePngsInTheHtml() throws IOException {
        SyntheticManifests.write(dir.resolve("checkpoints"), 12, true);
        ReportData data = ReportData.fromDirectory(dir.resolve("checkpoints"));

        ReportWriter.Result result = ReportWriter.write(
                data, XAxis.STEP, Optional.empty(), dir.resolve("out/report.html"), dir.resolve("out"));

        assertThat(result.pngs()).hasSize(ReportCurve.values().length);
        for (Path png : result.pngs()) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(ReportWriter.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ReportWriter.HEIGHT);
        }
        String html = Files.readString(result.html());
        assertThat(html)
                .contains("<title>" + HtmlReport.TITLE + "</title>")
                .doesNotContain("<script", "http://", "https://");
        List<byte[]> embedded = embeddedPngs(html);
        assertThat(embedded).hasSize(result.pngs().size());
        for (int i = 0; i < embedded.size(); i++) {
            assertThat(embedded.get(i))
                    .isEqualTo(Files.readAllBytes(result.pngs().get(i)));
        }
        assertThat(result.missing()).extracting(ReportChart::id).containsExactly(EmbeddingMap.ID);
        assertThat(html).contains("--labels DIR").contains("<td>12</td><td>600</td>");
    }

    @Test
    void shouldSkipChartsWhoseSeriesAreEmptyAndSaySoInThePage() throws IOException {
        SyntheticManifests.write(dir, 3, false);

        ReportWriter.Result result = ReportWriter.write(
                ReportData.fromDirectory(dir),
                XAxis.VERSION,
                Optional.empty(),
                dir.resolve("report.html"),
                dir.resolve("png"));

        assertThat(result.pngs())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("loss.png", "throughput.png", "skipped.png");
        assertThat(result.missing())
                .extracting(ReportChart::id)
                .contains("probe", "rankme", "std", "drift", EmbeddingMap.ID);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(embeddedPngs(html)).hasSize(3);
        assertThat(html)
                .contains("Not drawn: no manifest holds health.rankme.")
                .contains("Not drawn: no manifest holds probe.knn.top1 or probe.linear.top1.");
    }

    @Test
    void shouldRefuseAnEmptyCheckpointDirectory() {
        ReportData data = ReportData.fromDirectory(dir);

        assertThat(data.isEmpty()).isTrue();
        assertThatThrownBy(() -> ReportWriter.write(data, XAxis.STEP, Optional.empty(), dir.resolve("r.html"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No checkpoint manifests");
    }

    @Test
    void shouldEscapeMarkupInTheSource() {
        assertThat(HtmlReport.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    private static List<byte[]> embeddedPngs(String html) {
        Matcher m = IMG.matcher(html);
        List<byte[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(Base64.getDecoder().decode(m.group(1)));
        }
        return out;
    }
}
