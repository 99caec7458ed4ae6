package dev.ragft.eval.config;

/**
 * A prompt template as configured; unset parts take the {@code support} template's.
 *
 * @param system the system message; {@code ""} for none; null: the run's system prompt
 * @param withContext the user message when there is context, with {@code {passages}} and
 *     {@code {question}}
 * @param withoutContext the user message without context, with {@code {question}}
 * @param passage one passage of the context, with {@code {id}}, {@code {n}}, {@code {title}} and
 *     {@code {text}}; passages are joined by new lines
 */
public record TemplateSpec(String system, String withContext, String withoutContext,
    String passage) {
}
