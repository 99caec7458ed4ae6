package dev.ragft.finetune.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ragft.datasets.cases.Category;
import dev.ragft.datasets.cases.FailureCase;
import dev.ragft.datasets.cases.Prompt;
import dev.ragft.datasets.chat.ChatExample;
import dev.ragft.datasets.chat.ChatMessage;
import dev.ragft.datasets.chat.PreferencePair;
import dev.ragft.datasets.chat.Role;
import dev.ragft.datasets.scenario.Scenario;
import dev.ragft.datasets.scenario.Scenarios;
import dev.ragft.finetune.Fixtures;
import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import dev.ragft.finetune.leakage.EvalCase;
import dev.ragft.finetune.leakage.EvalCases;
import dev.ragft.finetune.leakage.LeakageGuard;
import dev.ragft.finetune.leakage.LeakagePair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo scenario's training data as training examples, and its failure cases as the leakage
 * guard's cases: the behaviour examples pass the real guard against every case (issue 6), while an
 * example that quotes a case is caught.
 */
class ScenarioSourceTest {

  private static final Scenario DEMO = Scenarios.demo();

  @Test
  void the_demo_training_examples_pass_the_leakage_guard_against_the_demo_cases() {
    List<TrainingExample> examples = ScenarioSource.read("demo", DEMO, null, "behaviour");
    LeakageGuard guard = new LeakageGuard(LeakageGuard.Config.DEFAULT,
        EvalCases.of(DEMO.cases()));

    assertThat(examples).hasSize(DEMO.trainingExamples().size());
    assertThat(examples.stream().filter(TrainingExample::isPreferencePair))
        .hasSize(DEMO.preferencePairs().size());
    assertThat(guard.check(examples)).isEmpty();

    FailureCase quoted = DEMO.cases().getFirst();
    List<TrainingExample> planted = new ArrayList<>(examples);
    planted.add(Fixtures.example("planted", "Context: none\n\nQuestion: " + quoted.questionText(),
        "{\"action\":\"answer\",\"answer\":\"x\",\"sources\":[]}"));
    assertThat(guard.check(planted)).extracting(LeakagePair::exampleId, LeakagePair::caseId)
        .contains(tuple("planted", quoted.id()));
  }

  @Test
  void a_training_example_keeps_system_turns_and_reply_and_takes_the_rejected_answer_of_its_pair() {
    List<TrainingExample> examples = ScenarioSource.read("demo", DEMO, "CC-BY-4.0", "behaviour");
    ChatExample first = DEMO.trainingExamples().getFirst();
    PreferencePair pair = DEMO.preferencePairs().getFirst();

    TrainingExample example = examples.getFirst();
    assertThat(example.id()).isEqualTo("demo/1");
    assertThat(example.system()).isEqualTo(first.messages().getFirst().content());
    assertThat(example.turns()).containsExactly(Turn.user(first.lastUserContent()));
    assertThat(example.target()).isEqualTo(first.reply().content());
    assertThat(example.rejected()).isEqualTo(pair.nonPreferred().content());
    assertThat(example.label()).isEqualTo("behaviour");
    assertThat(example.provenance().file()).isEqualTo("scenario:wrenbolt/training-examples");
    assertThat(example.provenance().line()).isEqualTo(1);
    assertThat(example.provenance().sourceSha256()).isEqualTo(ScenarioSource.examplesSha256(DEMO));
    assertThat(example.provenance().licence()).isEqualTo("CC-BY-4.0");
    assertThat(example.provenance().builder()).isEqualTo("scenario");
  }

  @Test
  void a_preference_pair_and_a_conversation_case_adapt_on_their_own() {
    PreferencePair pair = new PreferencePair(List.of(ChatMessage.system("Be brief."),
        ChatMessage.user("Hi"), new ChatMessage(Role.ASSISTANT,
            "Hello."), ChatMessage.user("Refund?")),
        new ChatMessage(Role.ASSISTANT, "{\"action\":\"escalate\"}"),
        new ChatMessage(Role.ASSISTANT, "Sure, refunded!"));

    TrainingExample example = ScenarioSource.preference("p/1", pair, "policy", Fixtures.ORIGIN);

    assertThat(example.system()).isEqualTo("Be brief.");
    assertThat(example.turns()).containsExactly(Turn.user("Hi"), Turn.assistant("Hello."),
        Turn.user("Refund?"));
    assertThat(example.target()).isEqualTo("{\"action\":\"escalate\"}");
    assertThat(example.rejected()).isEqualTo("Sure, refunded!");
    FailureCase conversation = FailureCase.builder("b-1", Category.BEHAVIOUR,
            new Prompt.Conversation(pair.input()))
        .referenceAnswer("{\"action\":\"escalate\"}").build();
    assertThat(EvalCases.of(conversation)).isEqualTo(new EvalCase("b-1", "Refund?"));
  }
}
