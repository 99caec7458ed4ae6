package dev.ragft.finetune.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.common.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeacherFilesTest {

  @TempDir
  Path dir;

  @Test
  void the_reply_cache_appends_and_a_later_reply_replaces_an_earlier_one() {
    Path cache = dir.resolve("outputs.jsonl");
    assertThat(TeacherFiles.readOutputs(cache)).isEmpty();

    TeacherFiles.append(cache, new TeacherOutput("c1", "aa", "first\nreply"));
    TeacherFiles.append(cache, new TeacherOutput("c2", "bb", "other"));
    TeacherFiles.append(cache, new TeacherOutput("c1", "cc", "second"));

    assertThat(TeacherFiles.readOutputs(cache)).containsExactly(
        java.util.Map.entry("c1", new TeacherOutput("c1", "cc", "second")),
        java.util.Map.entry("c2", new TeacherOutput("c2", "bb", "other")));
  }

  @Test
  void chunks_need_an_id_and_text() throws Exception {
    Path chunks = dir.resolve("chunks.jsonl");
    Files.writeString(chunks, "{\"id\":\"c1\",\"doc_id\":\"d\",\"text\":\"T\"}\n{\"id\":\"c2\",\"doc_id\":\"d\"}\n");

    assertThatThrownBy(() -> TeacherFiles.readChunks(chunks)).isInstanceOf(InputException.class)
        .hasMessage("chunks.jsonl:2: field \"text\" is missing");
  }
}
