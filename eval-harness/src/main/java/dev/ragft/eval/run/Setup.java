package dev.ragft.eval.run;

import dev.ragft.eval.config.SetupSpec;
import dev.ragft.eval.context.ContextSource;
import dev.ragft.eval.prompt.PromptTemplate;
import dev.ragft.eval.result.SetupInfo;
import java.util.Objects;

/**
 * A setup ready to run: its model opened, its context source and template resolved.
 *
 * @param spec the configured row
 * @param model the model
 * @param context where the context comes from
 * @param template the prompt template
 * @param info how the run result records it
 */
record Setup(SetupSpec spec, ModelHandle model, ContextSource context, PromptTemplate template,
    SetupInfo info) {

  Setup {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(info, "info");
  }
}
