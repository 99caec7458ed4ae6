package dev.ragft.rag.rerank;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.ragft.rag.index.ChunkText;
import dev.ragft.rag.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a chat model to grade each candidate's relevance from 0 to 10 and reorders by the grade.
 * The first-stage order breaks ties between equal grades (it adds less than one grade step). A
 * reply without a grade counts as grade 0, and is counted in {@link #unparsedReplies()} so a report
 * can say how often the model failed to follow the instruction; the reranker never fails because
 * of a reply. Use a deterministic model (temperature 0) for reproducible rankings.
 */
public final class LlmReranker implements Reranker {

  private static final Pattern GRADE = Pattern.compile("\\b(10|[0-9])\\b");
  private static final String SYSTEM = "You judge search results. Given a query and a passage, "
      + "answer with one integer from 0 (irrelevant) to 10 (answers the query fully). "
      + "Answer with the number only.";

  private final ChatModel model;
  private final String modelName;
  private final AtomicLong unparsed = new AtomicLong();

  /** A reranker over a chat model; {@code modelName} names it in reports. */
  public LlmReranker(ChatModel model, String modelName) {
    this.model = Objects.requireNonNull(model, "model");
    this.modelName = Objects.requireNonNull(modelName, "modelName");
  }

  @Override
  public String name() {
    return "llm(" + modelName + ")";
  }

  @Override
  public List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates, int k) {
    List<ScoredChunk> ordered = new ArrayList<>(candidates);
    ordered.sort(ScoredChunk.ORDER);
    List<ScoredChunk> rescored = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      ScoredChunk candidate = ordered.get(i);
      String reply = model.chat(SystemMessage.from(SYSTEM), UserMessage.from(prompt(query,
          ChunkText.forEmbedding(candidate.chunk())))).aiMessage().text();
      int grade = grade(reply);
      double tieBreak = 0.5 * (ordered.size() - i) / (ordered.size() + 1.0);
      rescored.add(new ScoredChunk(candidate.chunk(), grade + tieBreak));
    }
    return Reranking.top(rescored, k);
  }

  /** How many replies held no grade so far. */
  public long unparsedReplies() {
    return unparsed.get();
  }

  static String prompt(String query, String passage) {
    return "Query: " + query + "\n\nPassage: " + passage + "\n\nRelevance (0-10):";
  }

  /** The first whole number from 0 to 10 in the reply, if there is one. */
  static OptionalInt parseGrade(String reply) {
    Matcher matcher = GRADE.matcher(reply == null ? "" : reply);
    return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
  }

  private int grade(String reply) {
    OptionalInt grade = parseGrade(reply);
    if (grade.isEmpty()) {
      unparsed.incrementAndGet();
    }
    return grade.orElse(0);
  }
}
