package dev.ragft.datasets.cases;

import static dev.ragft.datasets.cases.FailureCaseReaderTest.utf8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import dev.ragft.common.OnError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule of the case format, with the exact message a user sees. */
class FailureCaseErrorsTest {

  private static final String HEAD = """
      - id: ok
        category: control
        question: What is 2 + 2?
        required_facts: ["4"]
      """;

  static Stream<Arguments> badYaml() {
    return Stream.of(
        Arguments.of("unknown field", """
            - id: x
              category: control
              question: Why?
              answer: Because.
            """, "cases.yaml:4: field \"answer\" is not a known field; the known fields are: "
            + "category, corpus_version, forbidden_claims, format, gold_doc_ids, id, messages, "
            + "policy, question, reference_answer, required_facts, tags"),
        Arguments.of("bad id", """
            - id: "has space"
              category: control
              question: Why?
              reference_answer: Because.
            """, "cases.yaml:1: field \"id\" must be letters, digits and . _ : / @ + - (starting "
            + "with a letter or digit, at most 200 characters), but is: \"has space\""),
        Arguments.of("missing question", """
            - id: x
              category: control
              reference_answer: Because.
            """, "cases.yaml:1: field \"question\" is missing (give \"question\" or \"messages\")"),
        Arguments.of("question and messages", """
            - id: x
              category: control
              question: Why?
              messages: [{role: user, content: "Why?"}]
              reference_answer: Because.
            """, "cases.yaml:4: field \"messages\" cannot be given together with \"question\"; "
            + "give one of them"),
        Arguments.of("conversation ending with the assistant", """
            - id: x
              category: behaviour
              messages:
                - {role: user, content: Hello}
                - {role: assistant, content: Hi}
              reference_answer: Hi.
            """, "cases.yaml:3: field \"messages\" must end with a user message, but ends with "
            + "an assistant message"),
        Arguments.of("unknown role", """
            - id: x
              category: behaviour
              messages:
                - {role: customer, content: Hello}
              reference_answer: Hi.
            """, "cases.yaml:4: field \"messages[0].role\" must be system, user or assistant, "
            + "but is: \"customer\""),
        Arguments.of("regex that does not compile", """
            - id: x
              category: knowledge
              question: Price?
              required_facts:
                - "$34"
                - pattern: '\\$(34'
            """, "cases.yaml:6: field \"required_facts[1].pattern\" is not a valid regular "
            + "expression: Unclosed group near index 5"),
        Arguments.of("contains and pattern together", """
            - id: x
              category: knowledge
              question: Price?
              forbidden_claims:
                - {contains: "$29", pattern: '\\$29'}
            """, "cases.yaml:5: field \"forbidden_claims[0].pattern\" cannot be given together "
            + "with \"contains\"; give one of them"),
        Arguments.of("fact tied to a document that is not gold", """
            - id: x
              category: knowledge
              question: Price?
              gold_doc_ids: [pricing]
              required_facts:
                - {contains: "$34", doc: billing}
            """, "cases.yaml:6: field \"required_facts[0].doc\" names document \"billing\", "
            + "which is not in gold_doc_ids"),
        Arguments.of("repeated gold document", """
            - id: x
              category: knowledge
              question: Price?
              reference_answer: $34
              gold_doc_ids:
                - pricing
                - pricing
            """, "cases.yaml:7: field \"gold_doc_ids[1]\" repeats \"pricing\""),
        Arguments.of("invalid JSON schema", """
            - id: x
              category: behaviour
              question: Hi?
              format:
                json_schema: {type: objekt}
            """, "cases.yaml:5: field \"format.json_schema\" is not a valid JSON Schema: /type: "
            + "does not have a value in the enumeration [\"array\", \"boolean\", \"integer\", "
            + "\"null\", \"number\", \"object\", \"string\"]"),
        Arguments.of("schema given as text that is not JSON", """
            - id: x
              category: behaviour
              question: Hi?
              format:
                json_schema: '{"type": '
            """, "cases.yaml:5: field \"format.json_schema\" is not valid JSON: Unexpected "
            + "end-of-input within/between Object entries"),
        Arguments.of("schema that refers outside itself", """
            - id: x
              category: behaviour
              question: Hi?
              format:
                json_schema: {$ref: "https://example.com/reply.json"}
            """, "cases.yaml:5: field \"format.json_schema\" refers outside itself with $ref "
            + "\"https://example.com/reply.json\"; a case's schema must be self-contained"),
        Arguments.of("max words not positive", """
            - id: x
              category: behaviour
              question: Hi?
              format: {max_words: 0}
            """, "cases.yaml:4: field \"format.max_words\" must be > 0, but is: 0"),
        Arguments.of("policy flag that is not a boolean", """
            - id: x
              category: behaviour
              question: Hi?
              policy:
                must_escalate: sometimes
            """, "cases.yaml:5: field \"policy.must_escalate\" must be true or false, but is: "
            + "string"),
        Arguments.of("signal pattern for an unchecked behaviour", """
            - id: x
              category: behaviour
              question: Hi?
              policy:
                must_escalate: true
                refusal_pattern: '"action": "refuse"'
            """, "cases.yaml:6: field \"policy.refusal_pattern\" is given, but must_refuse is not"),
        Arguments.of("banned phrase repeated ignoring case", """
            - id: x
              category: behaviour
              question: Hi?
              policy:
                banned_phrases: [Unfortunately, unfortunately]
            """, "cases.yaml:5: field \"policy.banned_phrases[1]\" repeats \"unfortunately\""),
        Arguments.of("corpus version with a space", """
            - id: x
              category: knowledge
              question: Hi?
              reference_answer: Hello.
              corpus_version: version two
            """, "cases.yaml:5: field \"corpus_version\" must be one word, but is: "
            + "\"version two\""),
        Arguments.of("nothing to check", """
            - id: x
              category: knowledge
              question: Hi?
              gold_doc_ids: [greetings]
            """, "cases.yaml:1: case \"x\": nothing to check: give a reference answer, required "
            + "facts, forbidden claims, a format or policy checks"),
        Arguments.of("key given twice", """
            - id: x
              category: knowledge
              question: Hi?
              question: Hello?
              reference_answer: Hello.
            """, "cases.yaml:4: key \"question\" is given twice in one object"),
        Arguments.of("YAML alias", """
            - id: a
              category: behaviour
              question: Hi?
              format: &shape
                max_words: 5
            - id: b
              category: behaviour
              question: Hello?
              format: *shape
            """, "cases.yaml:9: uses the YAML alias *shape; aliases are not supported, repeat "
            + "the value (a JSON Schema can be given as a string)"),
        Arguments.of("not a list", """
            id: x
            category: knowledge
            """, "cases.yaml:1: must be a YAML list of cases"),
        Arguments.of("repeated id", HEAD + HEAD,
            "cases.yaml:5: field \"id\" repeats case id \"ok\" first given at cases.yaml:1"),
        Arguments.of("YAML syntax error", HEAD + """
            - id: y
              question: "unterminated
            """, "cases.yaml:6: is not valid YAML: while scanning a quoted scalar; found unexpected "
                + "end of stream"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badYaml")
  void a_bad_case_is_reported_with_file_line_and_field(String rule, String yaml, String message) {
    FailureCaseReader reader = new FailureCaseReader(OnError.FAIL, InputProblems.collecting());
    assertThatThrownBy(() -> reader.read(utf8(yaml), "cases.yaml", CaseFileFormat.YAML))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> badCsv() {
    return Stream.of(
        Arguments.of("unknown column", "id,category,question,answer\r\nx,control,Why?,Because\r\n",
            "cases.csv:1: field \"answer\" is not a known column; the known columns are: "
                + "banned_phrases, category, corpus_version, escalation_pattern, forbidden_claims, "
                + "forbidden_pattern, format_pattern, gold_doc_ids, id, json_schema, max_words, "
                + "must_escalate, must_refuse, question, reference_answer, refusal_pattern, "
                + "required_facts, required_pattern, required_sections, tags"),
        Arguments.of("bad flag", "id,category,question,must_refuse\nx,behaviour,Hi?,yes\n",
            "cases.csv:2: field \"must_refuse\" must be true, false or empty, but is: \"yes\""),
        Arguments.of("bad number", "id,category,question,max_words\n"
                + "x,behaviour,Hi?,1\ny,behaviour,Hi?,many\n",
            "cases.csv:3: field \"max_words\" must be a whole number, but is: \"many\""),
        Arguments.of("bad regex in a row", "id,category,question,required_pattern\n"
                + "x,knowledge,Hi?,[a-\n",
            "cases.csv:2: field \"required_facts[0].pattern\" is not a valid regular expression: "
                + "Illegal character range near index 3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCsv")
  void a_bad_csv_row_is_reported_with_file_line_and_column(String rule, String csv,
      String message) {
    FailureCaseReader reader = new FailureCaseReader(OnError.FAIL, InputProblems.collecting());
    assertThatThrownBy(() -> reader.read(utf8(csv), "cases.csv", CaseFileFormat.CSV))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badJsonl")
  void a_bad_jsonl_case_is_reported_with_its_line(String rule, String jsonl, String message) {
    FailureCaseReader reader = new FailureCaseReader(OnError.FAIL, InputProblems.collecting());
    assertThatThrownBy(() -> reader.read(utf8(jsonl), "cases.jsonl", CaseFileFormat.JSONL))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> badJsonl() {
    return Stream.of(
        Arguments.of("missing category",
            "{\"id\":\"a\",\"category\":\"control\",\"question\":\"2+2?\",\"reference_answer\":\"4\"}\n"
                + "\n{\"id\":\"b\",\"question\":\"3+3?\",\"reference_answer\":\"6\"}\n",
            "cases.jsonl:3: field \"category\" is missing"),
        Arguments.of("tags not a list",
            "{\"id\":\"a\",\"category\":\"control\",\"question\":\"2+2?\",\"reference_answer\":\"4\","
                + "\"tags\":\"math\"}\n",
            "cases.jsonl:1: field \"tags\" must be a list, but is: string"));
  }
}
