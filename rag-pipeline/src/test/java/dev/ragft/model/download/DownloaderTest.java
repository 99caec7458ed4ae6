package dev.ragft.model.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.Progress;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import dev.ragft.model.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads stories260K's bytes from a real HTTP server on loopback. */
class DownloaderTest {

  @TempDir
  Path folder;
  private byte[] model;
  private Path target;

  @BeforeEach
  void setUp() throws Exception {
    model = Files.readAllBytes(TestModels.stories260K());
    target = folder.resolve("cache").resolve("stories260K.gguf");
  }

  private static Downloader downloader(int attempts) {
    return new Downloader(HttpClient.newHttpClient(), Duration.ofSeconds(30), attempts);
  }

  @Test
  void downloads_verifies_and_moves_the_file_into_place() throws Exception {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    AtomicLong clock = new AtomicLong();
    Progress progress = new Progress("download stories260K.gguf", model.length, "bytes", "bytes",
        new PrintStream(shown, true, StandardCharsets.UTF_8), false, clock::get);
    try (FileServer server = new FileServer(model)) {
      downloader(1).download(server.url(), target, model.length, TestModels.STORIES_SHA256,
          progress);

      assertThat(server.ranges()).containsExactly("-");
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(model);
    assertThat(Downloader.partialFile(target)).doesNotExist();
    assertThat(shown.toString(StandardCharsets.UTF_8)).startsWith(
        "[download stories260K.gguf] [####################] 1185376/1185376 bytes 100%");
  }

  @Test
  void a_cut_connection_is_resumed_with_a_range_request() throws Exception {
    try (FileServer server = new FileServer(model)) {
      server.cutFirstAnswerAfter(300_000);

      downloader(3).download(server.url(), target, model.length, TestModels.STORIES_SHA256,
          Progress.silent("download"));

      // The resumed request starts where the received bytes end: all 300,000 sent bytes, or
      // fewer when the cut connection dropped some of them in flight.
      assertThat(server.ranges()).hasSize(2).first().isEqualTo("-");
      long resumedAt = Long.parseLong(server.ranges().get(1).replaceAll("bytes=(\\d+)-", "$1"));
      assertThat(resumedAt).isPositive().isLessThanOrEqualTo(300_000);
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(model);
  }

  @Test
  void a_partial_file_left_by_an_earlier_run_is_resumed() throws Exception {
    try (FileServer server = new FileServer(model)) {
      server.cutFirstAnswerAfter(500_000);
      assertThatThrownBy(() -> downloader(1).download(server.url(), target, model.length,
          TestModels.STORIES_SHA256, Progress.silent("download")))
          .isInstanceOf(RetriableException.class)
          .hasMessageMatching("the download of " + Pattern.quote(server.url().toString())
              + " broke off after \\d+ of 1185376 bytes.*");
      // The bytes received before the cut (all 500,000 sent, or fewer lost in flight) are kept.
      long kept = Files.size(Downloader.partialFile(target));
      assertThat(kept).isPositive().isLessThanOrEqualTo(500_000);

      downloader(1).download(server.url(), target, model.length, TestModels.STORIES_SHA256,
          Progress.silent("download"));

      assertThat(server.ranges()).containsExactly("-", "bytes=" + kept + "-");
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(model);
  }

  @Test
  void a_server_that_stops_sending_is_given_up_on_and_resumed() throws Exception {
    try (FileServer server = new FileServer(model)) {
      server.stallFirstAnswerAfter(200_000);
      Downloader patient = new Downloader(HttpClient.newHttpClient(), Duration.ofSeconds(1), 2);

      patient.download(server.url(), target, model.length, TestModels.STORIES_SHA256,
          Progress.silent("download"));

      assertThat(server.ranges()).containsExactly("-", "bytes=200000-");
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(model);
  }

  @Test
  void a_wrong_checksum_is_rejected_and_the_partial_file_removed() throws Exception {
    String wrong = "0".repeat(64);
    try (FileServer server = new FileServer(model)) {
      assertThatThrownBy(() -> downloader(1).download(server.url(), target, model.length, wrong,
          Progress.silent("download")))
          .isInstanceOf(RagftException.class)
          .hasMessage("the download of " + server.url() + " has SHA-256 "
              + TestModels.STORIES_SHA256 + " instead of the pinned " + wrong
              + "; the partial file was removed, try again");
    }
    assertThat(target).doesNotExist();
    assertThat(Downloader.partialFile(target)).doesNotExist();
  }

  @Test
  void a_missing_file_is_a_404_sentence() throws Exception {
    try (FileServer server = new FileServer(model)) {
      assertThatThrownBy(() -> downloader(3).download(server.missing(), target, model.length,
          TestModels.STORIES_SHA256, Progress.silent("download")))
          .isInstanceOf(RagftException.class)
          .isNotInstanceOf(RetriableException.class)
          .hasMessage("the server answered HTTP 404 for " + server.missing() + " (not found)");
    }
  }

  @Test
  void an_existing_target_is_not_downloaded_again() throws Exception {
    Files.createDirectories(target.getParent());
    Files.writeString(target, "already here");

    try (FileServer server = new FileServer(model)) {
      downloader(1).download(server.url(), target, model.length, TestModels.STORIES_SHA256,
          Progress.silent("download"));

      assertThat(server.ranges()).isEmpty();
    }
    assertThat(target).hasContent("already here");
  }
}
