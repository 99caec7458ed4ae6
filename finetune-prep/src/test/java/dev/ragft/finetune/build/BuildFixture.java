package dev.ragft.finetune.build;

import dev.ragft.finetune.teacher.TeacherChunk;
import dev.ragft.finetune.teacher.TeacherFiles;
import dev.ragft.finetune.teacher.TeacherOutput;
import dev.ragft.finetune.teacher.TeacherPrompts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small, complete build: curated examples, corrections, teacher replies, eval cases. */
final class BuildFixture {

  private BuildFixture() {
  }

  static Path write(Path dir, String formats, String evalCases) throws IOException {
    StringBuilder curated = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      String label = i % 2 == 0 ? "policy" : "format";
      curated.append("{\"id\":\"p").append(i).append("\",\"label\":\"").append(label)
          .append("\",\"messages\":[{\"role\":\"user\",\"content\":\"Policy question number ")
          .append(i).append(" about topic ").append((char) ('a' + i))
          .append("?\"},{\"role\":\"assistant\",\"content\":\"Answer ").append(i).append(".\"}]}\n");
    }
    curated.append("{\"id\":\"dup\",\"label\":\"policy\",\"prompt\":\"policy QUESTION number 0 about "
        + "topic a\",\"completion\":\"answer 0\"}\n");
    curated.append("{\"id\":\"pii\",\"label\":\"format\",\"prompt\":\"Who do I write to?\","
        + "\"completion\":\"Write to help@example.com.\"}\n");
    Files.writeString(dir.resolve("curated.jsonl"), curated);
    Files.writeString(dir.resolve("corrections.jsonl"), """
        {"id":"f1","question":"Can I return opened software?","ideal_answer":"No, opened software cannot be returned.","rejected_answer":"Yes, anything can be returned."}
        {"id":"f2","messages":[{"role":"system","content":"Answer in French."},{"role":"user","content":"What is the warranty?"}],"ideal_answer":"Deux ans.","rejected_answer":"Two years."}
        {"id":"f3","question":"Do you ship to Norway?","ideal_answer":"Yes, with Posten.","rejected_answer":"We do not know."}
        """);
    TeacherChunk c1 = new TeacherChunk("c1", "returns.md", "Damaged items can be returned within 30 days.");
    TeacherChunk c2 = new TeacherChunk("c2", "shipping.md", "Orders ship within two working days.");
    Files.writeString(dir.resolve("chunks.jsonl"),
        "{\"id\":\"c1\",\"doc_id\":\"returns.md\",\"text\":\"" + c1.text() + "\"}\n"
            + "{\"id\":\"c2\",\"doc_id\":\"shipping.md\",\"text\":\"" + c2.text() + "\"}\n");
    Path outputs = dir.resolve("teacher-outputs.jsonl");
    Files.deleteIfExists(outputs);
    TeacherFiles.append(outputs, new TeacherOutput("c1",
        TeacherPrompts.fingerprint(TeacherPrompts.questionPrompt(c1, 2)),
        "{\"question\":\"How long can damaged items be returned?\",\"answer\":\"Within 30 days.\"}\n"
            + "{\"question\":\"Which items can be returned within 30 days?\",\"answer\":\"Damaged items.\"}"));
    TeacherFiles.append(outputs, new TeacherOutput("c2",
        TeacherPrompts.fingerprint(TeacherPrompts.questionPrompt(c2, 2)),
        "[{\"question\":\"How fast do orders ship?\",\"answer\":\"Within two working days.\"}]"));
    Files.writeString(dir.resolve("cases.jsonl"), evalCases);
    Path config = dir.resolve("build.yaml");
    Files.writeString(config, """
        name: demo
        seed: 7
        system_prompt: You are the support assistant of Acme.
        sources:
          - id: curated
            kind: curated
            path: curated.jsonl
            licence: CC-BY-4.0
          - id: corrections
            kind: corrections
            path: corrections.jsonl
          - id: teacher
            kind: teacher
            chunks: chunks.jsonl
            outputs: teacher-outputs.jsonl
            questions_per_chunk: 2
            distractors: 1
        eval_cases: [cases.jsonl]
        split:
          validation_fraction: 0.2
        formats: [%s]
        model:
          base_model: gpt-4o-mini-2024-07-18
        output: out
        """.formatted(formats));
    return config;
  }

  static final String CASES = "{\"id\":\"case-1\",\"prompt\":\"How do I reset my password?\"}\n"
      + "{\"id\":\"case-2\",\"prompt\":\"Where is my parcel right now?\"}\n";
}
