package dev.ragft.model.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.Progress;
import dev.ragft.common.RagftException;
import dev.ragft.model.TestModels;
import dev.ragft.model.catalog.CatalogEntry;
import dev.ragft.model.catalog.ModelCatalog;
import dev.ragft.model.catalog.ModelStore;
import dev.ragft.model.catalog.ResolvedModel;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model store against a real HTTP server on loopback (and against no server at all). */
class ModelStoreTest {

  @TempDir
  Path folder;

  private ModelStore store(URI url) {
    CatalogEntry entry = new CatalogEntry("stories260k", "a story model", "stories260K.gguf", url,
        TestModels.STORIES_SIZE, TestModels.STORIES_SHA256, "MIT", true);
    return new ModelStore(folder.resolve("models"), new ModelCatalog("stories260k",
        List.of(entry)), new Downloader(HttpClient.newHttpClient(), Duration.ofSeconds(10), 2),
        e -> Progress.silent("download"));
  }

  @Test
  void a_catalogue_model_is_downloaded_on_first_use_and_reused_after() throws Exception {
    byte[] model = Files.readAllBytes(TestModels.stories260K());
    try (FileServer server = new FileServer(model)) {
      ModelStore store = store(server.url());

      ResolvedModel first = store.resolve("stories260k");
      ResolvedModel again = store.resolve(null);

      assertThat(first).isEqualTo(new ResolvedModel(folder.resolve("models/stories260K.gguf"),
          "stories260k", TestModels.STORIES_SHA256, true)).isEqualTo(again);
      assertThat(server.ranges()).containsExactly("-");
      assertThat(store.verify(store.catalog().defaultEntry())).isNull();
    }
  }

  @Test
  void offline_the_download_fails_with_one_sentence_on_how_to_supply_a_model() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = unused.getLocalPort();
    }
    ModelStore store = store(URI.create("http://127.0.0.1:" + port + "/stories260K.gguf"));

    assertThatThrownBy(() -> store.resolve("stories260k"))
        .isInstanceOf(RagftException.class)
        .hasMessageMatching("cannot download the model stories260k: cannot reach 127\\.0\\.0\\.1"
            + " \\([^)]*\\); supply a model another way: --model PATH for a local GGUF file,"
            + " --provider ollama for a running Ollama, or --provider openai-compatible"
            + " --base-url URL for an OpenAI-compatible endpoint");
  }

  @Test
  void a_404_is_reported_with_the_alternatives() throws Exception {
    try (FileServer server = new FileServer(new byte[0])) {
      ModelStore store = store(server.missing());

      assertThatThrownBy(() -> store.resolve("stories260k"))
          .hasMessage("cannot download the model stories260k: the server answered HTTP 404 for "
              + server.missing() + " (not found); " + ModelStore.ALTERNATIVES);
    }
  }

  @Test
  void a_local_file_keeps_its_name_and_a_known_smoke_model_its_label() {
    ResolvedModel local = store(URI.create("http://127.0.0.1:9/x")).resolve(
        TestModels.stories260K().toString());

    assertThat(local).isEqualTo(new ResolvedModel(TestModels.stories260K(), "stories260K",
        TestModels.STORIES_SHA256, true));
  }

  @Test
  void an_unknown_name_lists_the_catalogue() {
    assertThatThrownBy(() -> store(URI.create("http://127.0.0.1:9/x")).resolve("gpt-5"))
        .hasMessage("there is no model 'gpt-5' in the catalogue (stories260k) and no file of that"
            + " name; give a catalogue id or the path of a GGUF file");
  }

  @Test
  void a_missing_local_file_is_named() {
    Path missing = folder.resolve("nothing.gguf");

    assertThatThrownBy(() -> store(URI.create("http://127.0.0.1:9/x")).resolve(missing.toString()))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": the model file does not exist");
  }

  @Test
  void verify_and_list_report_a_damaged_and_a_partial_download() throws Exception {
    ModelStore store = store(URI.create("http://127.0.0.1:9/x"));
    CatalogEntry entry = store.catalog().defaultEntry();
    Path file = store.fileOf(entry);
    Files.createDirectories(file.getParent());
    Files.writeString(Downloader.partialFile(file), "partial");

    assertThat(store.list()).singleElement().satisfies(status -> {
      assertThat(status.present()).isFalse();
      assertThat(status.partialBytes()).isEqualTo(7);
    });
    assertThat(store.verify(entry)).isEqualTo(file + " is not downloaded");

    Files.writeString(file, "not the model");
    assertThat(store.verify(entry)).isEqualTo(file + " has 13 bytes instead of the pinned "
        + TestModels.STORIES_SIZE);
  }
}
