package dev.ragft.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.eval.config.EvalConfig;
import dev.ragft.eval.config.EvalConfigReader;
import dev.ragft.model.cache.CacheMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in a child JVM resumes without repeating a finished sample, and ends
 * with the result an uninterrupted run gives.
 */
class ResumeAfterKillIT {

  @TempDir
  Path dir;

  @Test
  void a_killed_run_resumes_without_repeating_finished_samples() throws Exception {
    String yaml = RunFixtures.config(dir, "samples: 2\ntemperature: 0.7\n");
    Path configFile = dir.resolve("eval.yaml");
    Files.writeString(configFile, yaml);
    Path folder = dir.resolve("run");

    killAfter(configFile, folder, 5);
    Path journal = folder.resolve(RunJournal.FILE);
    List<String> beforeKill = Files.readAllLines(journal);
    Files.writeString(journal, "{\"type\":\"sample\",\"case\":\"k-pr", StandardOpenOption.APPEND);
    Set<SampleKey> finished = sampleKeys(beforeKill);

    Set<SampleKey> madeOnResume = ConcurrentHashMap.newKeySet();
    RunOutcome resumed = new EvalRunner(RunEnvironment.of(ProgressFactory.silent())
        .withListener((key, sample) -> madeOnResume.add(key))).resume(folder);

    assertThat(finished).hasSizeGreaterThanOrEqualTo(5);
    assertThat(resumed.stats().fromJournal()).isEqualTo(finished.size());
    assertThat(resumed.stats().sampled()).isEqualTo(18 - finished.size());
    assertThat(madeOnResume).hasSize(18 - finished.size()).doesNotContainAnyElementsOf(finished);
    assertThat(resumed.stats().modelCalls() + resumed.stats().cacheHits())
        .isEqualTo(resumed.stats().sampled());
    List<String> after = Files.readAllLines(journal);
    assertThat(after.subList(0, beforeKill.size())).isEqualTo(beforeKill);
    assertThat(after).noneMatch(line -> line.endsWith("\"case\":\"k-pr"));
    assertThat(sampleKeys(after)).hasSize(18);
    assertThat(after.stream().filter(line -> line.contains("\"type\":\"sample\"")).count())
        .isEqualTo(18);

    EvalConfig config = EvalConfigReader.read(configFile).withCache(CacheMode.OFF);
    RunOutcome straight = EvalRunner.run(config, dir.resolve("straight"),
        ProgressFactory.silent());
    assertThat(RunFixtures.withoutTimings(resumed.result()))
        .isEqualTo(RunFixtures.withoutTimings(straight.result()));
  }

  private static void killAfter(Path configFile, Path folder, int samples) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), StoppingRunMain.class.getName(),
        configFile.toString(), folder.toString(), Integer.toString(samples)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        output.add(line);
      }
      assertThat(line).as("the child run stopped before READY: %s", output).isEqualTo("READY");
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(child.exitValue()).isEqualTo(137);
  }

  private static Set<SampleKey> sampleKeys(List<String> lines) throws IOException {
    Set<SampleKey> keys = new HashSet<>();
    for (String line : lines) {
      if (line.contains("\"type\":\"sample\"")) {
        var node = dev.ragft.common.Json.mapper().readTree(line);
        keys.add(new SampleKey(node.get("case").asText(), node.get("setup").asText(),
            node.get("sample").get("index").asInt()));
      }
    }
    return keys;
  }
}
