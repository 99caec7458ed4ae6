package dev.ragft.eval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateParserTest {

  @Test
  void parses_clauses_with_positions_and_operators() {
    List<Clause> clauses = GateParser.parse(
        "hybrid.pass_rate >= 0.8; flips.pass_to_fail == 0 ;rag-bm25.label.knowledge<3;x.y!=1e-2; a>75%;");
    assertThat(clauses).extracting(Clause::metric).containsExactly("hybrid.pass_rate",
        "flips.pass_to_fail", "rag-bm25.label.knowledge", "x.y", "a");
    assertThat(clauses).extracting(Clause::op).containsExactly(Comparison.GE, Comparison.EQ,
        Comparison.LT, Comparison.NE, Comparison.GT);
    assertThat(clauses).extracting(Clause::threshold).containsExactly(0.8, 0.0, 3.0, 0.01, 0.75);
    assertThat(clauses).extracting(Clause::position).containsExactly(0, 25, 50, 77, 88);
    assertThat(clauses.get(1).text()).isEqualTo("flips.pass_to_fail == 0");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "hybrid.pass_rate => 0.8|18|expected a comparison (>=, >, <=, <, ==, !=) after \"hybrid.pass_rate\", but found \"=>\"",
      "hybrid.pass_rate >= |20|expected a number after \">=\", but found the end of the gate",
      "hybrid.pass_rate >= high|21|expected a number after \">=\", but found \"high\"",
      "hybrid.pass_rate >= 0.8x|21|expected a number after \">=\", but found \"0.8x\"",
      "hybrid.pass_rate >= 0.8 rag.pass_rate >= 1|25|unexpected \"rag.pass_rate\" after the number; separate clauses with \";\"",
      ">= 0.8|1|expected a metric name such as hybrid.pass_rate, but found \">=\"",
      "a >= 1;; b >= 2|8|empty clause before \";\"",
      "'   '|1|the gate is empty; write clauses like hybrid.pass_rate >= 0.8",
      ".pass_rate >= 1|1|expected a metric name such as hybrid.pass_rate, but found \".pass_rate\"",
      "a.b >= 1; c >=|15|expected a number after \">=\", but found the end of the gate"})
  void malformed_gates_name_the_column(String gate, int column, String problem) {
    GateSyntaxException e = catchThrowableOfType(GateSyntaxException.class, () -> GateParser.parse(gate));
    assertThat(e).hasMessage("gate column " + column + ": " + problem);
    assertThat(e.position()).isEqualTo(column - 1);
  }

  @Test
  void the_pointer_shows_a_caret_under_the_problem() {
    assertThatThrownBy(() -> GateParser.parse("hybrid.pass_rate => 0.8"))
        .isInstanceOfSatisfying(GateSyntaxException.class, e -> assertThat(e.pointer())
            .isEqualTo("hybrid.pass_rate => 0.8\n                 ^"));
  }
}
