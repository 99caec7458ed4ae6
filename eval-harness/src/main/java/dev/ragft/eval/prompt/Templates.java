package dev.ragft.eval.prompt;

import dev.ragft.eval.config.TemplateSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in prompt templates and configured ones. {@code support} is the layout of the demo
 * scenario's training data, so a fine-tuned model meets at evaluation the prompts it learnt on:
 * the run's system prompt, then either the customer's text alone or
 * <pre>
 * Context:
 * [doc-id] passage on one line
 * [doc-id] passage on one line
 *
 * Question: the customer's text
 * </pre>
 * {@code plain} is the same without a system message; {@code numbered} marks passages
 * {@code [1]}, {@code [2]}… instead of by document id.
 */
public final class Templates {

  /** The names of the built-in templates. */
  public static final List<String> BUILT_IN = List.of("support", "plain", "numbered");

  private static final String WITH_CONTEXT = "Context:\n{passages}\n\nQuestion: {question}";
  private static final String WITHOUT_CONTEXT = "{question}";
  private static final String BY_ID = "[{id}] {text}";

  private Templates() {
  }

  /**
   * The template called {@code name}.
   *
   * @param name a built-in name or a key of {@code configured}
   * @param configured the configuration's templates
   * @param systemPrompt the run's system prompt (empty for none)
   */
  public static PromptTemplate resolve(String name, Map<String, TemplateSpec> configured,
      String systemPrompt) {
    return switch (name) {
      case "support" -> new PromptTemplate(name, systemPrompt, WITH_CONTEXT, WITHOUT_CONTEXT,
          BY_ID);
      case "plain" -> new PromptTemplate(name, "", WITH_CONTEXT, WITHOUT_CONTEXT, BY_ID);
      case "numbered" -> new PromptTemplate(name, systemPrompt, WITH_CONTEXT, WITHOUT_CONTEXT,
          "[{n}] {text}");
      default -> {
        TemplateSpec spec = Optional.ofNullable(configured.get(name)).orElseThrow(() ->
            new IllegalArgumentException("no template \"" + name + "\""));
        yield new PromptTemplate(name, spec.system() == null ? systemPrompt : spec.system(),
            spec.withContext() == null ? WITH_CONTEXT : spec.withContext(),
            spec.withoutContext() == null ? WITHOUT_CONTEXT : spec.withoutContext(),
            spec.passage() == null ? BY_ID : spec.passage());
      }
    };
  }
}
