package dev.ragft.finetune.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Counts with the real stories260K GGUF through llama.cpp. */
class GgufTokenCounterIT {

  private static Path model() {
    String shared = System.getProperty("ragft.shared.dir");
    assumeTrue(shared != null, "ragft.shared.dir is not set; the shared test files are absent");
    Path gguf = Path.of(shared, "models", "stories260K.gguf");
    assumeTrue(Files.isRegularFile(gguf), "stories260K.gguf is absent from " + shared);
    return gguf;
  }

  @Test
  void stories260k_counts_its_own_sentencepiece_tokens_without_bos() {
    Path gguf = model();
    try (TokenCounter counter = TokenCounters.open("gguf:" + gguf.getFileName(), gguf.getParent())) {
      assertThat(counter.name()).isEqualTo("gguf:stories260K.gguf");
      assertThat(counter.count("")).isZero();
      int once = counter.count("Once upon a time");
      int twice = counter.count("Once upon a time Once upon a time");
      assertThat(once).isEqualTo(ONCE_UPON_A_TIME);
      assertThat(twice).isBetween(2 * once - 1, 2 * once + 1);
      assertThat(counter.count("xylophonist")).as("a rare word splits into pieces").isGreaterThan(1);
    }
  }

  /** Observed with llama.cpp (de.kherud 4.2.0): the story words are whole pieces of its 512-piece vocabulary. */
  private static final int ONCE_UPON_A_TIME = 4;
}
