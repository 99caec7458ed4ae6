package dev.ragft.model.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragft.common.InputException;
import dev.ragft.common.RagftException;
import dev.ragft.model.TestModels;
import dev.ragft.model.llamacpp.ChatTemplateMode;
import dev.ragft.model.llamacpp.LlamaCppChatModel;
import dev.ragft.model.llamacpp.LlamaCppChatRequestParameters;
import dev.ragft.model.llamacpp.LlamaCppConfig;
import dev.ragft.model.llamacpp.LlamaCppModel;
import dev.ragft.model.llamacpp.LlamaCppStreamingChatModel;
import dev.ragft.model.llamacpp.Sampling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The response cache in front of the real in-process model. */
class ResponseCacheTest {

  private static final Map<String, Object> IDENTITY =
      Map.of("name", "stories260K", "sha256", TestModels.STORIES_SHA256);
  private static final ChatRequest ONCE = ChatRequest.builder()
      .messages(UserMessage.from("Once upon a time")).build();

  @TempDir
  Path folder;
  private LlamaCppModel model;
  private ResponseCache cache;

  @BeforeEach
  void load() {
    model = LlamaCppModel.load(LlamaCppConfig.of(TestModels.stories260K()).withContextSize(256)
        .withThreads(1).withChatTemplate(ChatTemplateMode.COMPLETION));
    cache = new ResponseCache(folder.resolve("responses"));
  }

  @AfterEach
  void close() {
    model.close();
  }

  private ChatModel cached(CacheMode mode) {
    return new CachingChatModel(new LlamaCppChatModel(model, Sampling.DEFAULTS.toBuilder()
        .maxTokens(20).build()), new CachePolicy(cache, mode, "llamacpp", IDENTITY,
        "stories260K"));
  }

  private ChatRequest merged(ChatModel chat, ChatRequest request) {
    return ChatRequest.builder().messages(request.messages()).parameters(
        chat.defaultRequestParameters().overrideWith(request.parameters())).build();
  }

  @Test
  void read_write_records_the_answer_and_replay_serves_it_without_the_model() {
    ChatResponse fresh = cached(CacheMode.READ_WRITE).chat(ONCE);
    CacheKey key = CacheKey.of("llamacpp", IDENTITY, merged(cached(CacheMode.OFF), ONCE));
    assertThat(cache.file(key)).exists();
    model.close(); // from here on, only the cache can answer

    ChatResponse replayed = cached(CacheMode.REPLAY).chat(ONCE);

    assertThat(replayed.aiMessage().text()).isEqualTo(fresh.aiMessage().text())
        .isEqualTo(", there was a little girl named Lily. She loved to play outsid");
    assertThat(replayed.tokenUsage()).isEqualTo(new TokenUsage(5, 20));
    assertThat(replayed.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void a_replay_miss_is_an_error_naming_the_key() {
    ChatModel replay = cached(CacheMode.REPLAY);
    CacheKey key = CacheKey.of("llamacpp", IDENTITY, merged(replay, ONCE));

    assertThatThrownBy(() -> replay.chat(ONCE)).isInstanceOf(RagftException.class)
        .hasMessage("the response cache has no answer for this request and the cache mode is"
            + " replay: key " + key.sha256() + " (provider llamacpp, model stories260K, cache "
            + cache.folder() + "); run once with cache mode read-write to record it");
  }

  @Test
  void off_records_nothing() {
    cached(CacheMode.OFF).chat(ONCE);

    assertThat(cache.folder()).doesNotExist();
  }

  @Test
  void every_parameter_and_the_model_identity_change_the_key() {
    ChatModel chat = cached(CacheMode.OFF);
    String base = CacheKey.of("llamacpp", IDENTITY, merged(chat, ONCE)).sha256();
    List<String> keys = new ArrayList<>(List.of(base));
    for (ChatRequest variant : List.of(
        ONCE.toBuilder().temperature(0.5).build(),
        ONCE.toBuilder().maxOutputTokens(21).build(),
        ONCE.toBuilder().stopSequences(List.of("Lily")).build(),
        ONCE.toBuilder().parameters(LlamaCppChatRequestParameters.builder().seed(43).build())
            .build(),
        ONCE.toBuilder().parameters(LlamaCppChatRequestParameters.builder().minP(0.1).build())
            .build(),
        ONCE.toBuilder().messages(SystemMessage.from("Be brief."), UserMessage.from(
            "Once upon a time")).build())) {
      keys.add(CacheKey.of("llamacpp", IDENTITY, merged(chat, variant)).sha256());
    }
    keys.add(CacheKey.of("llamacpp", Map.of("name", "other"), merged(chat, ONCE)).sha256());
    keys.add(CacheKey.of("ollama", IDENTITY, merged(chat, ONCE)).sha256());

    assertThat(keys).doesNotHaveDuplicates().hasSize(9);
    assertThat(CacheKey.of("llamacpp", IDENTITY, merged(chat, ONCE)).sha256()).isEqualTo(base);
  }

  @Test
  void the_key_is_a_stable_hash_of_canonical_json() {
    CacheKey key = CacheKey.of("llamacpp", IDENTITY, merged(cached(CacheMode.OFF), ONCE));

    assertThat(key.canonicalJson()).isEqualTo("{\"messages\":[{\"role\":\"user\",\"text\":"
        + "\"Once upon a time\"}],\"model\":{\"name\":\"stories260K\",\"sha256\":\""
        + TestModels.STORIES_SHA256 + "\"},\"parameters\":{\"frequencyPenalty\":0.0,"
        + "\"maxOutputTokens\":20,\"minP\":0.05,\"modelName\":\"stories260K\","
        + "\"presencePenalty\":0.0,\"repeatPenalty\":1.0,\"seed\":42,\"temperature\":0.0,"
        + "\"topK\":40,\"topP\":0.95},\"provider\":\"llamacpp\"}");
    assertThat(key.sha256()).isEqualTo(dev.ragft.common.Hashes.sha256(key.canonicalJson()));
  }

  @Test
  void a_streamed_hit_arrives_as_one_piece_and_a_replay_miss_as_an_error() {
    CachePolicy write = new CachePolicy(cache, CacheMode.READ_WRITE, "llamacpp", IDENTITY,
        "stories260K");
    LlamaCppStreamingChatModel streaming = new LlamaCppStreamingChatModel(model,
        Sampling.DEFAULTS.toBuilder().maxTokens(20).build());
    List<String> fresh = stream(new CachingStreamingChatModel(streaming, write), ONCE, null);
    List<String> hit = stream(new CachingStreamingChatModel(streaming, write), ONCE, null);
    AtomicReference<Throwable> error = new AtomicReference<>();
    stream(new CachingStreamingChatModel(streaming, new CachePolicy(cache, CacheMode.REPLAY,
        "llamacpp", IDENTITY, "stories260K")), ONCE.toBuilder().maxOutputTokens(5).build(), error);

    assertThat(fresh).hasSizeGreaterThan(5);
    assertThat(hit).containsExactly(String.join("", fresh));
    assertThat(error.get()).isInstanceOf(RagftException.class)
        .hasMessageStartingWith("the response cache has no answer for this request");
  }

  @Test
  void a_damaged_cache_file_is_named() throws Exception {
    ChatModel chat = cached(CacheMode.READ_WRITE);
    CacheKey key = CacheKey.of("llamacpp", IDENTITY, merged(chat, ONCE));
    Files.createDirectories(cache.file(key).getParent());
    Files.writeString(cache.file(key), "{ not json");

    assertThatThrownBy(() -> chat.chat(ONCE)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(cache.file(key) + ": is not a valid cached response (")
        .hasMessageEndingWith("); delete it to ask the model again");
  }

  private static List<String> stream(dev.langchain4j.model.chat.StreamingChatModel model,
      ChatRequest request, AtomicReference<Throwable> error) {
    List<String> pieces = new ArrayList<>();
    model.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        pieces.add(text);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
      }

      @Override
      public void onError(Throwable e) {
        if (error == null) {
          throw new AssertionError(e);
        }
        error.set(e);
      }
    });
    return pieces;
  }
}
