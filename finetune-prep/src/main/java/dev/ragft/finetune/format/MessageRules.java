package dev.ragft.finetune.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The checks that chat formats share on a {@code messages} array, configured per provider: which
 * roles exist, which keys a message may have, how roles may be ordered, whether the last message
 * must be the assistant's, and which {@code weight} values are allowed. Each provider's rules class
 * says which documented rule each setting implements.
 *
 * @param roles the allowed roles, in the order messages name them
 * @param allowedKeys the keys a message may have, or null when unknown keys are ignored
 * @param order how roles may follow each other
 * @param lastAssistant whether the last message must be from the assistant
 * @param needsAssistant whether at least one assistant message is required
 * @param weights which {@code weight} values a message may carry
 * @param toolCallsReplaceContent whether an assistant message with {@code tool_calls} or
 *     {@code function_call} may omit its content
 */
record MessageRules(List<String> roles, Set<String> allowedKeys, Order order,
    boolean lastAssistant, boolean needsAssistant, Weights weights,
    boolean toolCallsReplaceContent) {

  /** How roles may follow each other. */
  enum Order {
    /** Any order. */
    ANY,
    /** A system message, if any, only first. */
    SYSTEM_FIRST,
    /** Start with system or user, then user and assistant alternate. */
    ALTERNATING
  }

  /** Which weight values a message may carry. */
  enum Weights {
    /** A {@code weight} key is not checked (unknown keys may still reject it). */
    UNCHECKED,
    /** Only assistant messages, and only the integers 0 and 1. */
    ASSISTANT_ZERO_ONE,
    /** Any message, only the integers 0 and 1. */
    ZERO_ONE
  }

  MessageRules {
    roles = List.copyOf(roles);
    allowedKeys = allowedKeys == null ? null : Set.copyOf(allowedKeys);
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(weights, "weights");
  }

  /** Checks the array at {@code path} (e.g. {@code messages}), adding broken rules to {@code problems}. */
  void check(JsonNode node, String path, List<String> problems) {
    if (!(node instanceof ArrayNode messages) || messages.isEmpty()) {
      problems.add("\"" + path + "\" must be a non-empty array");
      return;
    }
    String previous = null;
    boolean sawAssistant = false;
    for (int i = 0; i < messages.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode message = messages.get(i);
      if (!message.isObject()) {
        problems.add(at + " must be an object");
        previous = null;
        continue;
      }
      checkKeys(message, at, problems);
      JsonNode roleNode = message.get("role");
      if (roleNode == null || roleNode.isNull()) {
        problems.add(at + ".role is missing");
        previous = null;
        continue;
      }
      if (!roleNode.isTextual()) {
        problems.add(at + ".role must be a string");
        previous = null;
        continue;
      }
      String role = roleNode.asText();
      if (!roles.contains(role)) {
        problems.add(at + ".role \"" + role + "\" is not one of: " + String.join(", ", roles));
        previous = null;
        continue;
      }
      checkContent(message, role, at, problems);
      checkWeight(message, role, at, problems);
      checkOrder(i, role, previous, at, problems);
      sawAssistant |= role.equals("assistant");
      previous = role;
    }
    if (lastAssistant && previous != null && !previous.equals("assistant")) {
      problems.add("the last message must be from the assistant, but is from \"" + previous + "\"");
    }
    if (needsAssistant && !sawAssistant) {
      problems.add("\"" + path + "\" has no assistant message to train on");
    }
  }

  private void checkKeys(JsonNode message, String at, List<String> problems) {
    if (allowedKeys == null) {
      return;
    }
    for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowedKeys.contains(name)) {
        problems.add(at + " has unrecognized key \"" + name + "\"");
      }
    }
  }

  private void checkContent(JsonNode message, String role, String at, List<String> problems) {
    JsonNode content = message.get("content");
    boolean toolCall = message.hasNonNull("tool_calls") || message.hasNonNull("function_call");
    if (toolCallsReplaceContent && role.equals("assistant") && toolCall
        && (content == null || content.isNull())) {
      return;
    }
    if (content == null || !content.isTextual() || content.asText().isBlank()) {
      problems.add(at + ".content must be a non-empty string");
    }
  }

  private void checkWeight(JsonNode message, String role, String at, List<String> problems) {
    JsonNode weight = message.get("weight");
    if (weight == null || weights == Weights.UNCHECKED) {
      return;
    }
    if (weights == Weights.ASSISTANT_ZERO_ONE && !role.equals("assistant")) {
      problems.add(at + ".weight is only allowed on assistant messages");
      return;
    }
    if (!weight.isIntegralNumber() || (weight.asLong() != 0 && weight.asLong() != 1)) {
      problems.add(at + ".weight must be 0 or 1, but is: " + weight);
    }
  }

  private void checkOrder(int i, String role, String previous, String at, List<String> problems) {
    if (order == Order.ANY) {
      return;
    }
    if (role.equals("system")) {
      if (i > 0) {
        problems.add(at + ": a system message may only come first");
      }
      return;
    }
    if (order != Order.ALTERNATING) {
      return;
    }
    if (i == 0 && role.equals("assistant")) {
      problems.add(at + ": the conversation must start with system or user, but starts with \"assistant\"");
    } else if ("system".equals(previous) && role.equals("assistant")) {
      problems.add(at + ": the message after the system message must be from the user");
    } else if (role.equals(previous)) {
      problems.add(at + ": \"" + role + "\" follows \"" + previous
          + "\"; user and assistant must alternate");
    }
  }
}
