package dev.ragft.model.llamacpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.RagftException;
import org.junit.jupiter.api.Test;

/** Schemas llama.cpp's converter rejects give a sentence; before, they aborted the JVM. */
class JsonGrammarsIT {

  @Test
  void converts_a_schema_into_a_grammar_with_a_root_rule() {
    String grammar = JsonGrammars.forSchema(
        "{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}},"
            + "\"required\":[\"ok\"]}");

    assertThat(grammar).contains("root ::= \"{\" space ok-kv \"}\" space")
        .contains("boolean ::= (\"true\" | \"false\") space");
  }

  @Test
  void an_unknown_type_is_rejected_with_llama_cpps_reason() {
    assertThatThrownBy(() -> JsonGrammars.forSchema(
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strin\"}}}"))
        .isInstanceOf(RagftException.class)
        .hasMessage("llama.cpp (b4916) cannot turn the JSON schema into a grammar: Unrecognized"
            + " schema: {\"type\":\"strin\"}");
  }

  @Test
  void a_reference_that_leads_nowhere_is_rejected() {
    assertThatThrownBy(() -> JsonGrammars.forSchema("{\"$ref\":\"#/nope\"}"))
        .isInstanceOf(RagftException.class)
        .hasMessage("llama.cpp (b4916) cannot turn the JSON schema into a grammar: Error resolving"
            + " ref #/nope: nope not in {\"$ref\":\"#/nope\"}");
  }

  @Test
  void text_that_is_not_json_is_rejected_before_llama_cpp_sees_it() {
    assertThatThrownBy(() -> JsonGrammars.forSchema("not json"))
        .isInstanceOf(RagftException.class)
        .hasMessageStartingWith("the JSON schema is not valid JSON: Unrecognized token 'not'");
  }

  @Test
  void a_schema_must_be_an_object() {
    assertThatThrownBy(() -> JsonGrammars.forSchema("[1, 2]"))
        .hasMessage("a JSON schema must be a JSON object, but this one is: array");
  }
}
