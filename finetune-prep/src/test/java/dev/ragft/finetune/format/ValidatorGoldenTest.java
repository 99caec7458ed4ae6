package dev.ragft.finetune.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.format.Format;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: for every format a file of valid examples and one of invalid examples, each with
 * the exact violation lines the validator must print ({@code golden/<format>.<kind>.expected}).
 */
class ValidatorGoldenTest {

  @TempDir
  Path dir;

  static Stream<Arguments> goldenFiles() {
    return Arrays.stream(Format.values())
        .flatMap(f -> Stream.of(Arguments.of(f, "valid"), Arguments.of(f, "invalid")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("goldenFiles")
  void validator_prints_exactly_the_expected_violations(Format format, String kind) throws IOException {
    String name = format.cliName() + "." + kind;
    Path file = dir.resolve(name + ".jsonl");
    Files.write(file, resource(name + ".jsonl"));
    List<String> expected = new String(resource(name + ".expected"), StandardCharsets.UTF_8)
        .lines().filter(l -> !l.isBlank()).toList();

    List<String> actual = Validator.validate(file, format).violations().stream()
        .map(Violation::toString).toList();

    assertThat(actual).containsExactlyElementsOf(expected);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ValidatorGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource golden/" + name);
      }
      return in.readAllBytes();
    }
  }
}
