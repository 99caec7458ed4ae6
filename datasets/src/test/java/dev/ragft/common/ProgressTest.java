package dev.ragft.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void line_shows_count_percent_rate_and_time_left() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress progress = new Progress("indexing", 100, "docs", "chunks", out, false,
        clock::get)) {
      clock.set(2_000_000_000L);
      progress.advance(25, 50);
      assertThat(progress.line()).isEqualTo(
          "[indexing] [#####...............] 25/100 docs  25% | 25.0 chunks/s | ETA 0:06");
      clock.set(11_000_000_000L);
      progress.advance(75, 150);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
        "[indexing] [####################] 100/100 docs 100% | 18.2 chunks/s | 0:11\n".repeat(2));
  }
}
