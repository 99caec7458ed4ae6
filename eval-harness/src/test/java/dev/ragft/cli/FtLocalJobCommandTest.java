package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Hashes;
import dev.ragft.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local trainer through the command line, end to end on stories260K: {@code ft build} makes
 * the training set, {@code ft submit --provider local} starts training and returns,
 * {@code ft status --watch} follows it to its GGUF adapter, {@code ft status --events
 * --checkpoints} shows what the trainer logged, and {@code ft forget} lists the adapter as a model
 * trained on the forgotten source.
 */
class FtLocalJobCommandTest {

  private static final String ANSWER = "{\"ok\": true}";

  @TempDir
  Path dir;

  private void writeBuild() throws Exception {
    String[] sentences = {"Lily was happy.", "Tom ran fast.", "The cat saw a bug.",
        "A big dog went home.", "The sun was sad.", "Mom found a toy.", "The bird ate a cake.",
        "Ben liked to play.", "Sue saw a frog.", "Max ate a fish."};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < sentences.length; i++) {
      ObjectNode example = Json.mapper().createObjectNode().put("id", "s" + i);
      ArrayNode messages = example.putArray("messages");
      messages.addObject().put("role", "user").put("content", "JSON: " + sentences[i]);
      messages.addObject().put("role", "assistant").put("content", ANSWER);
      lines.add(example.toString());
    }
    Files.write(dir.resolve("json-task.jsonl"), lines);
    Files.writeString(dir.resolve("extra.jsonl"), Json.mapper().createObjectNode()
        .put("id", "x1").put("question", "JSON: Ann ran home.").put("ideal_answer", ANSWER)
        + "\n");
    Files.writeString(dir.resolve("build.yaml"), """
        sources:
          - id: json-task
            path: json-task.jsonl
          - id: extra
            kind: corrections
            path: extra.jsonl
        split: {validation_fraction: 0.0}
        formats: [trl]
        output: out
        """);
  }

  @Test
  void build_submit_watch_and_forget_a_local_job() throws Exception {
    Path model = SharedModel.stories260K();
    writeBuild();
    String registry = dir.resolve("registry").toString();
    CommandRunner.Result build = CommandRunner.run("ft", "build", "--config",
        dir.resolve("build.yaml").toString());
    assertThat(build.exitCode()).as(build.err()).isZero();
    Path manifest = dir.resolve("out/manifest.json");
    String manifestSha256 = Hashes.sha256(manifest);

    CommandRunner.Result submit = CommandRunner.run("ft", "submit", "--provider", "local",
        "--base-model", model.toString(), "--training", dir.resolve("out/train.trl.jsonl")
            .toString(), "--manifest", manifest.toString(), "--learning-rate", "0.01",
        "--batch-size", "4", "--seed", "7", "--option", "steps=3", "--option", "threads=1",
        "--option", "loraTargets=q,k,v,o,output", "--registry", registry);

    assertThat(submit.exitCode()).as(submit.err()).isZero();
    Matcher line = Pattern.compile("(ft-[0-9a-f]{16}) local (ft-[0-9a-f]{16}) running.*")
        .matcher(submit.out().strip());
    assertThat(line.matches()).as(submit.out()).isTrue();
    String key = line.group(1);
    assertThat(line.group(2)).isEqualTo(key);
    assertThat(submit.err()).contains("ragft: warning: the local trainer runs inside this ragft"
        + " process");

    CommandRunner.Result watch = CommandRunner.run("ft", "status", key, "--watch", "--interval",
        "100ms", "--registry", registry);

    Path adapter = dir.resolve("registry").resolve(key).resolve("output/adapter.gguf");
    assertThat(watch.exitCode()).as(watch.err()).isZero();
    assertThat(watch.out().strip().lines().toList().getLast())
        .isEqualTo(key + " local " + key + " succeeded: adapter " + adapter);
    assertThat(adapter).isRegularFile();

    CommandRunner.Result status = CommandRunner.run("ft", "status", key, "--events",
        "--checkpoints", "--registry", registry);
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("adapter:      " + adapter)
        .contains("options:      loraTargets=q,k,v,o,output, steps=3, threads=1")
        .contains("training starts: 3 steps over 11 conversations")
        .contains("training finished after step 3 of 3")
        .containsPattern("step 3 .*" + Pattern.quote(dir.resolve("registry").resolve(key)
            .resolve("output/checkpoints/step-000003").toString()));

    CommandRunner.Result forget = CommandRunner.run("ft", "forget", "--config",
        dir.resolve("build.yaml").toString(), "--source", "extra", "--registry", registry);
    assertThat(forget.exitCode()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("trained on it: local " + adapter + " (job " + key
        + ", manifest " + manifestSha256 + ")");
  }
}
