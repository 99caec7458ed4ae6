package dev.ragft.datasets.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.datasets.chat.ChatExample;
import dev.ragft.datasets.chat.PreferencePair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour training data shares no question with the cases: no case question's word 4-grams
 * are mostly found in any training prompt. (The leakage guard of fine-tuning preparation applies
 * its own measure when it builds a training set; this keeps the bundled data clear of it.)
 */
class ScenarioLeakageTest {

  /** The largest share of a case question's 4-grams that one training prompt may contain. */
  static final double MAX_CONTAINMENT = 0.5;

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  static Set<String> grams(String text, int n) {
    List<String> words = words(text);
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + n <= words.size(); i++) {
      grams.add(String.join(" ", words.subList(i, i + n)));
    }
    return grams;
  }

  /** The share of a question's 4-grams found in {@code prompt}; 0 for a question too short. */
  static double containment(Set<String> question, Set<String> prompt) {
    if (question.isEmpty()) {
      return 0;
    }
    long shared = question.stream().filter(prompt::contains).count();
    return (double) shared / question.size();
  }

  @Test
  void no_training_prompt_holds_most_of_a_case_question() {
    Scenario scenario = Scenarios.demo();
    List<String> prompts = new ArrayList<>();
    scenario.trainingExamples().stream().map(ChatExample::lastUserContent).forEach(prompts::add);
    scenario.preferencePairs().stream().map(PreferencePair::lastUserContent).forEach(prompts::add);
    Set<String> questions = new HashSet<>();
    scenario.cases().forEach(c -> questions.add(String.join(" ", words(c.questionText()))));
    Map<String, Set<String>> caseGrams = new LinkedHashMap<>();
    scenario.cases().forEach(c -> caseGrams.put(c.id(), grams(c.questionText(), 4)));
    double worst = 0;
    String worstPair = "";
    for (String prompt : prompts) {
      Set<String> grams = grams(prompt, 4);
      assertThat(questions).as("a training prompt repeats a case question")
          .doesNotContain(String.join(" ", words(prompt)));
      for (Map.Entry<String, Set<String>> question : caseGrams.entrySet()) {
        double share = containment(question.getValue(), grams);
        if (share > worst) {
          worst = share;
          worstPair = question.getKey() + " <-> " + prompt;
        }
      }
    }
    System.out.printf(Locale.ROOT, "largest 4-gram containment %.3f: %s%n", worst, worstPair);
    assertThat(worst).as(worstPair).isLessThan(MAX_CONTAINMENT);
  }
}
