package dev.ragft.finetune.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ragft.common.Hashes;
import dev.ragft.common.Json;
import dev.ragft.datasets.cases.FailureCaseJson;
import dev.ragft.datasets.chat.ChatExample;
import dev.ragft.datasets.chat.ChatJsonl;
import dev.ragft.datasets.chat.ChatMessage;
import dev.ragft.datasets.chat.PreferencePair;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.finetune.example.Provenance;
import dev.ragft.finetune.example.Role;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training data of a bundled scenario ({@link Scenario#trainingExamples()} and
 * {@link Scenario#preferencePairs()}) as {@link TrainingExample}s. A preference pair whose prompt
 * and preferred reply equal a training example's becomes that example's rejected answer, so the
 * example serves supervised and preference formats alike and nothing is counted twice; any other
 * pair becomes an example of its own. Example ids are {@code <source>/<line>} for training
 * examples and {@code <source>/pair-<line>} for pairs of their own, lines counted from 1 in the
 * scenario's files.
 */
public final class ScenarioSource {

  /** The builder name recorded in the provenance of every example. */
  public static final String BUILDER = "scenario";

  private ScenarioSource() {
  }

  /** The name a scenario's training examples go by in provenance and manifests. */
  public static String examplesFile(Scenario scenario) {
    return "scenario:" + scenario.name() + "/training-examples";
  }

  /** The name a scenario's preference pairs go by in provenance and manifests. */
  public static String pairsFile(Scenario scenario) {
    return "scenario:" + scenario.name() + "/preference-pairs";
  }

  /**
   * The SHA-256 of a scenario's training examples as canonical JSON Lines (sorted keys, one
   * example per line), which identifies them in manifests.
   */
  public static String examplesSha256(Scenario scenario) {
    StringBuilder text = new StringBuilder();
    scenario.trainingExamples().forEach(e -> text.append(canonical(ChatJsonl.toJson(e))));
    return Hashes.sha256(text.toString());
  }

  /** The SHA-256 of a scenario's preference pairs as canonical JSON Lines. */
  public static String pairsSha256(Scenario scenario) {
    StringBuilder text = new StringBuilder();
    scenario.preferencePairs().forEach(p -> text.append(canonical(ChatJsonl.toJson(p))));
    return Hashes.sha256(text.toString());
  }

  /** The SHA-256 of a scenario's failure cases in the harness's JSON form, one per line. */
  public static String casesSha256(Scenario scenario) {
    StringBuilder text = new StringBuilder();
    scenario.cases().forEach(c -> text.append(canonical(FailureCaseJson.toJson(c))));
    return Hashes.sha256(text.toString());
  }

  /** Every example of the scenario, training examples first, each with the source's label. */
  public static List<TrainingExample> read(String sourceId, Scenario scenario, String licence,
      String label) {
    Map<List<ChatMessage>, List<Integer>> pairsByPrompt = new HashMap<>();
    List<PreferencePair> pairs = scenario.preferencePairs();
    for (int i = 0; i < pairs.size(); i++) {
      pairsByPrompt.computeIfAbsent(pairs.get(i).input(), k -> new ArrayList<>()).add(i);
    }
    boolean[] used = new boolean[pairs.size()];
    String examplesSha = examplesSha256(scenario);
    String pairsSha = pairsSha256(scenario);
    List<TrainingExample> examples = new ArrayList<>();
    List<ChatExample> chats = scenario.trainingExamples();
    for (int i = 0; i < chats.size(); i++) {
      ChatExample chat = chats.get(i);
      String rejected = null;
      for (int p : pairsByPrompt.getOrDefault(chat.prompt(), List.of())) {
        if (!used[p] && pairs.get(p).preferred().content().equals(chat.reply().content())) {
          used[p] = true;
          rejected = pairs.get(p).nonPreferred().content();
          break;
        }
      }
      examples.add(example(sourceId + "/" + (i + 1), chat.prompt(), chat.reply().content(),
          rejected, label, new Provenance(sourceId, examplesFile(scenario), i + 1, examplesSha,
              licence, BUILDER)));
    }
    for (int p = 0; p < pairs.size(); p++) {
      if (!used[p]) {
        examples.add(preference(sourceId + "/pair-" + (p + 1), pairs.get(p), label,
            new Provenance(sourceId, pairsFile(scenario), p + 1, pairsSha, licence, BUILDER)));
      }
    }
    return examples;
  }

  /** A training example from a scenario's chat example, without a rejected answer. */
  public static TrainingExample example(String id, ChatExample chat, String label,
      Provenance provenance) {
    return example(id, chat.prompt(), chat.reply().content(), null, label, provenance);
  }

  /** A training example from a preference pair: the preferred reply, the other one rejected. */
  public static TrainingExample preference(String id, PreferencePair pair, String label,
      Provenance provenance) {
    return example(id, pair.input(), pair.preferred().content(), pair.nonPreferred().content(),
        label, provenance);
  }

  private static TrainingExample example(String id, List<ChatMessage> prompt, String target,
      String rejected, String label, Provenance provenance) {
    String system = null;
    List<Turn> turns = new ArrayList<>();
    for (ChatMessage message : prompt) {
      switch (message.role()) {
        case SYSTEM -> system = message.content();
        case USER -> turns.add(new Turn(Role.USER, message.content()));
        case ASSISTANT -> turns.add(new Turn(Role.ASSISTANT, message.content()));
      }
    }
    return new TrainingExample(id, system, turns, target, 1.0, rejected, label, provenance);
  }

  private static String canonical(Object json) {
    try {
      return Json.mapper().writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
