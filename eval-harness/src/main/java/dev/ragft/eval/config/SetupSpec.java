package dev.ragft.eval.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the setup matrix: a model, the context it is given, the prompt template and whether
 * decoding is constrained to the reply schema.
 *
 * @param id a unique id such as {@code baseline}: lower-case letters, digits, {@code . _ -}
 * @param model the name of a configured model (under {@code models} or {@code registered})
 * @param adapters LoRA adapters ({@code PATH} or {@code PATH=SCALE}) added to the model's own
 * @param context {@code none}, {@code oracle} (the case's gold documents from the corpus) or the
 *     name of a configured retrieval
 * @param template the name of a prompt template; default {@code support}
 * @param constrained whether output is constrained to the case's JSON schema (or the run's reply
 *     schema) with a grammar; default false
 */
public record SetupSpec(String id, String model, List<String> adapters, String context,
    String template, Boolean constrained) {

  /** The form of a setup id. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  /** The context of a setup that gives none. */
  public static final String NO_CONTEXT = "none";
  /** The context of a setup that gives the case's gold documents. */
  public static final String ORACLE = "oracle";

  /** Applies the defaults and validates. */
  public SetupSpec {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("setup id \"" + id + "\" is not of the form "
          + ID.pattern());
    }
    Objects.requireNonNull(model, "model");
    adapters = adapters == null ? List.of() : List.copyOf(adapters);
    context = context == null ? NO_CONTEXT : context;
    template = template == null ? "support" : template;
    constrained = constrained != null && constrained;
  }

  /** A setup with the given parts, no extra adapters. */
  public static SetupSpec of(String id, String model, String context, String template,
      boolean constrained) {
    return new SetupSpec(id, model, List.of(), context, template, constrained);
  }
}
