package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ragft.common.Progress;
import dev.ragft.model.catalog.CatalogEntry;
import dev.ragft.model.catalog.ModelCatalog;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.download.Downloader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ragft models}, over a store whose catalogue points at a server on loopback. */
class ModelsCommandTest {

  @TempDir
  Path folder;
  private HttpServer server;
  private ModelStore store;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    byte[] model = Files.readAllBytes(SharedModel.stories260K());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/stories260K.gguf", exchange -> {
      exchange.sendResponseHeaders(200, model.length);
      exchange.getResponseBody().write(model);
      exchange.close();
    });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort()
        + "/stories260K.gguf");
    store = new ModelStore(folder, new ModelCatalog("stories260k", List.of(new CatalogEntry(
        "stories260k", "a story model", "stories260K.gguf", url, model.length, SharedModel.SHA256,
        "MIT", true))), new Downloader(HttpClient.newHttpClient(), Duration.ofSeconds(10), 1),
        entry -> Progress.silent("download"));
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  private int run(String... args) {
    CommandLine line = new CommandLine(new ModelsCommand(), new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> type) throws Exception {
        if (type == ModelsListCommand.class) {
          return (K) new ModelsListCommand(() -> store);
        }
        if (type == ModelsPullCommand.class) {
          return (K) new ModelsPullCommand(() -> store);
        }
        if (type == ModelsVerifyCommand.class) {
          return (K) new ModelsVerifyCommand(() -> store);
        }
        return CommandLine.defaultFactory().create(type);
      }
    });
    line.setOut(new PrintWriter(out, true));
    return line.execute(args);
  }

  @Test
  void list_shows_the_smoke_label_and_what_is_downloaded() {
    assertThat(run("list")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
        "stories260k (default)",
        "  SMOKE MODEL, its answers mean nothing; a story model",
        "  1.1 MiB, MIT, not downloaded",
        "  " + folder.resolve("stories260K.gguf"), ""));
  }

  @Test
  void pull_downloads_and_verify_then_passes() {
    assertThat(run("pull", "stories260k")).isEqualTo(ExitCodes.OK);
    assertThat(run("verify")).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
        "stories260k: " + folder.resolve("stories260K.gguf")
            + " (SMOKE MODEL: its answers mean nothing)",
        "stories260k: ok", ""));
  }

  @Test
  void verify_fails_with_exit_code_1_on_a_damaged_model() throws Exception {
    Files.write(folder.resolve("stories260K.gguf"), new byte[] {1, 2, 3});

    assertThat(run("verify", "stories260k")).isEqualTo(ExitCodes.GATE_FAILED);
    assertThat(out.toString()).isEqualTo("stories260k: " + folder.resolve("stories260K.gguf")
        + " has 3 bytes instead of the pinned 1185376" + System.lineSeparator());
  }
}
