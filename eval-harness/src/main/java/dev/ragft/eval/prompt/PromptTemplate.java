package dev.ragft.eval.prompt;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.chat.Role;
import dev.ragft.eval.result.Passage;
import dev.ragft.eval.score.DocIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a case and its context into the messages a model reads. The user message is
 * {@code withContext} when the setup gives passages ({@code {passages}} and {@code {question}}
 * replaced) and {@code withoutContext} otherwise (also when retrieval found nothing); each
 * passage is {@code passage} with {@code {id}} (the document id without a file extension),
 * {@code {n}} (its number) and {@code {text}} (its text on one line) replaced, one per line.
 * Placeholders are replaced in one pass, so text that contains a placeholder is left as it is.
 * The system message is the template's, unless the case is a conversation with its own; earlier
 * turns of a conversation are kept and only its last user message is templated.
 *
 * @param name the template's name
 * @param system the system message; empty for none
 * @param withContext the user message with context
 * @param withoutContext the user message without context
 * @param passage one passage of the context
 */
public record PromptTemplate(String name, String system, String withContext,
    String withoutContext, String passage) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(passages|question|id|n|text)}");

  /** Validates the components. */
  public PromptTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(withContext, "withContext");
    Objects.requireNonNull(withoutContext, "withoutContext");
    Objects.requireNonNull(passage, "passage");
    if (!withContext.contains("{passages}")) {
      throw new IllegalArgumentException("template " + name + ": withContext must contain"
          + " {passages}");
    }
    if (!withContext.contains("{question}") || !withoutContext.contains("{question}")) {
      throw new IllegalArgumentException("template " + name + ": withContext and withoutContext"
          + " must contain {question}");
    }
    if (!passage.contains("{text}")) {
      throw new IllegalArgumentException("template " + name + ": passage must contain {text}");
    }
  }

  /** The messages for {@code failureCase} with {@code context} (empty: no context). */
  public List<ChatMessage> render(FailureCase failureCase, List<Passage> context) {
    String question = failureCase.questionText();
    String user = context.isEmpty()
        ? fill(withoutContext, Map.of("question", question))
        : fill(withContext, Map.of("question", question, "passages", passages(context)));
    List<ChatMessage> messages = new ArrayList<>();
    if (failureCase.prompt() instanceof Prompt.Conversation conversation) {
      List<dev.ragft.datasets.chat.ChatMessage> turns = conversation.messages();
      if (turns.get(0).role() != Role.SYSTEM && !system.isEmpty()) {
        messages.add(SystemMessage.from(system));
      }
      for (int i = 0; i < turns.size() - 1; i++) {
        messages.add(message(turns.get(i)));
      }
    } else if (!system.isEmpty()) {
      messages.add(SystemMessage.from(system));
    }
    messages.add(UserMessage.from(user));
    return messages;
  }

  private String passages(List<Passage> context) {
    List<String> lines = new ArrayList<>();
    for (Passage p : context) {
      lines.add(fill(passage, Map.of("id", DocIds.withoutExtension(p.docId()),
          "n", Integer.toString(p.number()), "text", p.text().replaceAll("\\s+", " ").strip())));
    }
    return String.join("\n", lines);
  }

  private static ChatMessage message(dev.ragft.datasets.chat.ChatMessage turn) {
    return switch (turn.role()) {
      case SYSTEM -> SystemMessage.from(turn.content());
      case USER -> UserMessage.from(turn.content());
      case ASSISTANT -> AiMessage.from(turn.content());
    };
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group()
          : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
