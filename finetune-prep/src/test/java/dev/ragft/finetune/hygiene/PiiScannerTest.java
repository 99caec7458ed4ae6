package dev.ragft.finetune.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.finetune.Fixtures;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.hygiene.PiiScanner.Finding;
import dev.ragft.finetune.hygiene.PiiScanner.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiScannerTest {

  private static List<Kind> kinds(String text) {
    return PiiScanner.find(text).stream().map(Finding::kind).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mail me at jane.doe@example.com now|EMAIL",
      "card 4111 1111 1111 1111 please|CARD",
      "card 4111-1111-1111-1111|CARD",
      "call +1 415-555-0132 today|PHONE",
      "ring (415) 555-0132|PHONE",
      "London: +44 20 7946 0958|PHONE",
      "key sk-proj-abcdefghijklmnopqrstuvwx1234|SECRET",
      "aws AKIAIOSFODNN7EXAMPLE|SECRET",
      "token ghp_abcdefghijklmnopqrstuvwxyz0123456789|SECRET",
      "password = hunter2hunter2|SECRET",
      "api_key: 'a1b2c3d4e5f6g7h8'|SECRET"})
  void crafted_strings_are_found(String text, Kind kind) {
    assertThat(kinds(text)).containsExactly(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "card 4111 1111 1111 1112 fails Luhn",
      "in 2023 2024 we sold 1200 units",
      "local 555-1234 is too short",
      "order 12345678 shipped",
      "the password is secret"})
  void ordinary_text_is_not_flagged(String text) {
    assertThat(kinds(text)).isEmpty();
  }

  @Test
  void luhn_accepts_valid_numbers_only() {
    assertThat(PiiScanner.luhn("4111111111111111")).isTrue();
    assertThat(PiiScanner.luhn("5500 0000 0000 0004")).isTrue();
    assertThat(PiiScanner.luhn("4111111111111112")).isFalse();
    assertThat(PiiScanner.luhn("0")).isFalse();
  }

  @Test
  void redact_mode_replaces_matches_and_reports_positions_not_values() {
    TrainingExample example = Fixtures.example("e1", "Mail jane@example.com or call +44 20 7946 0958",
        "Use key sk-abcdefghijklmnopqrstuvwxyz now.");

    PiiScanner.Result result = new PiiScanner(PiiScanner.Mode.REDACT).scan(example);

    assertThat(result.example().prompt()).isEqualTo("Mail [EMAIL] or call [PHONE]");
    assertThat(result.example().target()).isEqualTo("Use key [SECRET] now.");
    assertThat(result.findings()).containsExactly(
        new Finding("e1", "turns[0]", Kind.EMAIL, 5, 21),
        new Finding("e1", "turns[0]", Kind.PHONE, 30, 46),
        new Finding("e1", "target", Kind.SECRET, 8, 37));
  }

  @Test
  void flag_mode_keeps_the_text() {
    TrainingExample example = Fixtures.example("e1", "Mail jane@example.com", "ok");

    PiiScanner.Result result = new PiiScanner(PiiScanner.Mode.FLAG).scan(example);

    assertThat(result.example()).isSameAs(example);
    assertThat(result.findings()).extracting(Finding::kind).containsExactly(Kind.EMAIL);
  }
}
