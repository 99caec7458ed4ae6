package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragft.common.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  @TempDir
  Path folder;

  /** A writer that completes a future with the base URL once the command prints it. */
  private static final class Watch extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<URI> url = new CompletableFuture<>();
    private final Pattern at = Pattern.compile("at (http://\\S+/v1) ");

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
      Matcher matcher = at.matcher(text);
      if (matcher.find()) {
        url.complete(URI.create(matcher.group(1)));
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  @Test
  void serves_a_local_model_until_stopped() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    Watch out = new Watch();
    CommandLine command = new CommandLine(new ServeCommand(stop::await));
    command.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> command.execute(
        "--model", SharedModel.stories260K().toString(), "--port", "0", "--threads", "1",
        "--ctx-size", "512", "--chat-template", "completion", "--max-tokens", "12"));

    URI base = out.url.get();
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(base + "/chat/completions")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"stories260K\",\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"Once upon a time\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    stop.countDown();

    assertThat(exit.get()).isEqualTo(ExitCodes.OK);
    JsonNode answer = Json.mapper().readTree(response.body());
    assertThat(answer.at("/choices/0/message/content").asText())
        .isEqualTo(", there was a little girl named Lily. She");
    assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(12);
    assertThat(out.text.toString()).startsWith("serving llamacpp model stories260K (")
        .contains("[SMOKE MODEL: its answers mean nothing]");
  }

  @Test
  void a_remote_provider_is_a_usage_error() {
    StringWriter err = new StringWriter();
    CommandLine line = Ragft.commandLine();
    line.setErr(new PrintWriter(err, true));

    int code = line.execute("serve", "--provider", "ollama", "--model", "qwen2.5:0.5b");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("ragft: serve runs a local model, so the provider must"
        + " be llamacpp, but is: ollama");
  }

  @Test
  void a_file_that_is_not_a_model_is_one_line_and_exit_code_3() throws Exception {
    Path notes = Files.writeString(folder.resolve("notes.gguf"), "just some notes");
    StringWriter err = new StringWriter();
    CommandLine line = Ragft.commandLine();
    line.setErr(new PrintWriter(err, true));

    int code = line.execute("serve", "--model", notes.toString(), "--port", "0");

    assertThat(code).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(err.toString()).isEqualTo("ragft: " + notes + ": is not a GGUF model file (it"
        + " starts with the bytes 6a 75 73 74, not \"GGUF\")" + System.lineSeparator());
  }

  @Test
  void a_bad_option_value_is_a_usage_error() {
    StringWriter err = new StringWriter();
    CommandLine line = Ragft.commandLine();
    line.setErr(new PrintWriter(err, true));

    int code = line.execute("serve", "--cache-mode", "sometimes");

    assertThat(err.toString()).startsWith("ragft: cache mode must be read-write, replay or off,"
        + " but is: sometimes");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
  }
}
