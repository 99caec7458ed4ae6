package dev.ragft.model.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.ragft.common.Hashes;
import dev.ragft.common.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The key of a cached response: the SHA-256 of a canonical JSON text (sorted keys, no
 * whitespace) of the provider, the model's identity, the messages and the request parameters.
 *
 * <p>The parameters are read through every public accessor of the request's parameters object,
 * so provider-specific settings (an OpenAI seed, a llama.cpp min-p) are part of the key without
 * this class knowing them. Null values are left out, so adding an unset parameter to a provider
 * does not change existing keys. Nothing secret is in the key: API keys are not request
 * parameters, and a base URL enters without its user info or query.
 *
 * @param sha256 the key
 * @param canonicalJson the text it is the hash of
 */
public record CacheKey(String sha256, String canonicalJson) {

  private static final Set<String> NOT_PARAMETERS = Set.of("hashCode", "toString", "getClass",
      "toBuilder", "overrideWith", "defaultedBy", "builder");

  /** Validates the components. */
  public CacheKey {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(canonicalJson, "canonicalJson");
  }

  /**
   * The key of a request to a model.
   *
   * @param provider the provider's id, e.g. {@code llamacpp}
   * @param model what identifies the model's behaviour: name, file hash, adapters, endpoint
   * @param request the request with every default already applied
   */
  public static CacheKey of(String provider, Map<String, ?> model, ChatRequest request) {
    Map<String, Object> canonical = new TreeMap<>();
    canonical.put("provider", provider);
    canonical.put("model", canonical(model));
    List<Object> messages = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      messages.add(message(message));
    }
    canonical.put("messages", messages);
    canonical.put("parameters", parameters(request.parameters()));
    try {
      String json = Json.mapper().writeValueAsString(canonical);
      return new CacheKey(Hashes.sha256(json), json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a cache key as JSON", e);
    }
  }

  private static Map<String, Object> message(ChatMessage message) {
    Map<String, Object> node = new TreeMap<>();
    switch (message) {
      case SystemMessage system -> {
        node.put("role", "system");
        node.put("text", system.text());
      }
      case UserMessage user when user.hasSingleText() -> {
        node.put("role", "user");
        node.put("text", user.singleText());
      }
      case UserMessage user -> {
        node.put("role", "user");
        node.put("contents", user.contents().toString());
      }
      case AiMessage ai -> {
        node.put("role", "assistant");
        node.put("text", ai.text());
        if (ai.hasToolExecutionRequests()) {
          node.put("toolCalls", ai.toolExecutionRequests().toString());
        }
      }
      case ToolExecutionResultMessage tool -> {
        node.put("role", "tool");
        node.put("id", tool.id());
        node.put("tool", tool.toolName());
        node.put("text", tool.text());
      }
      default -> {
        node.put("role", message.type().name().toLowerCase());
        node.put("value", message.toString());
      }
    }
    node.values().removeIf(Objects::isNull);
    return node;
  }

  private static Map<String, Object> parameters(ChatRequestParameters parameters) {
    Map<String, Object> node = new TreeMap<>();
    if (parameters == null) {
      return node;
    }
    for (Method method : parameters.getClass().getMethods()) {
      if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
          || method.getReturnType() == void.class || NOT_PARAMETERS.contains(method.getName())) {
        continue;
      }
      try {
        Object value = method.invoke(parameters);
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
          node.put(method.getName(), canonical(value));
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read request parameter " + method.getName(), e);
      }
    }
    return node;
  }

  private static Object canonical(Object value) {
    return switch (value) {
      case null -> null;
      case String text -> text;
      case Number number -> number;
      case Boolean bool -> bool;
      case Enum<?> constant -> constant.name();
      case ResponseFormat format -> {
        Map<String, Object> node = new TreeMap<>();
        node.put("type", format.type().name());
        if (format.jsonSchema() != null) {
          node.put("name", format.jsonSchema().name());
          node.put("schema", canonical(
              JsonSchemaElementUtils.toMap(format.jsonSchema().rootElement())));
        }
        node.values().removeIf(Objects::isNull);
        yield node;
      }
      case Map<?, ?> map -> {
        Map<String, Object> node = new TreeMap<>();
        map.forEach((k, v) -> node.put(String.valueOf(k), canonical(v)));
        node.values().removeIf(Objects::isNull);
        yield node;
      }
      case Collection<?> list -> list.stream().map(CacheKey::canonical).toList();
      default -> value.toString();
    };
  }
}
