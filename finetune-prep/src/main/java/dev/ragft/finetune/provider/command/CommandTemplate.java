package dev.ragft.finetune.provider.command;

import dev.ragft.common.RagftException;
import dev.ragft.finetune.job.Hyperparameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line with {@code {placeholder}} parts, one list element per argument, so that values
 * are never split or interpreted by a shell. A placeholder may stand alone ({@code "{train}"}) or
 * inside an argument ({@code "--epochs={epochs}"}). Unknown placeholders are rejected when the
 * template is made; a value containing braces is inserted literally.
 */
public final class CommandTemplate {

  /** The training data file (a copy in the job folder). */
  public static final String TRAIN = "train";
  /** The validation data file (a copy in the job folder). */
  public static final String VALIDATION = "validation";
  /** The base model as given to {@code ragft ft submit}. */
  public static final String BASE_MODEL = "base_model";
  /** The folder the trainer writes its outputs to. */
  public static final String OUTPUT_DIR = "output_dir";
  /** The job's folder in the registry. */
  public static final String JOB_DIR = "job_dir";
  /** The training method, {@code sft} or {@code dpo}. */
  public static final String METHOD = "method";
  /** The model name suffix. */
  public static final String SUFFIX = "suffix";
  /** The job's client key. */
  public static final String CLIENT_KEY = "client_key";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final List<String> arguments;
  private final Set<String> placeholders;

  /** Parses a template; an empty one or an unknown placeholder is an error naming it. */
  public CommandTemplate(String provider, List<String> arguments) {
    if (arguments.isEmpty() || arguments.get(0).isBlank()) {
      throw new RagftException("provider '" + provider + "' needs a command: the program and its"
          + " arguments as a list.");
    }
    Set<String> found = new LinkedHashSet<>();
    Set<String> known = known();
    for (String argument : arguments) {
      Matcher matcher = PLACEHOLDER.matcher(argument);
      while (matcher.find()) {
        String name = matcher.group(1);
        if (!known.contains(name)) {
          throw new RagftException("provider '" + provider + "' has an unknown placeholder {"
              + name + "} in its command; known: " + String.join(", ", new TreeSet<>(known))
              + ".");
        }
        found.add(name);
      }
    }
    this.arguments = List.copyOf(arguments);
    this.placeholders = Set.copyOf(found);
  }

  /** Every placeholder name a template may use. */
  public static Set<String> known() {
    Set<String> names = new TreeSet<>(List.of(TRAIN, VALIDATION, BASE_MODEL, OUTPUT_DIR, JOB_DIR,
        METHOD, SUFFIX, CLIENT_KEY));
    for (Hyperparameter parameter : Hyperparameter.values()) {
      names.add(parameter.placeholder());
    }
    return names;
  }

  /** The placeholders the template uses. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /** Whether the template uses this placeholder. */
  public boolean uses(String placeholder) {
    return placeholders.contains(placeholder);
  }

  /** The command with every placeholder replaced; a placeholder without a value is an error. */
  public List<String> render(Map<String, String> values) {
    List<String> rendered = new ArrayList<>(arguments.size());
    for (String argument : arguments) {
      Matcher matcher = PLACEHOLDER.matcher(argument);
      StringBuilder text = new StringBuilder();
      while (matcher.find()) {
        String value = values.get(matcher.group(1));
        if (value == null) {
          throw new IllegalStateException("no value for placeholder {" + matcher.group(1) + "}");
        }
        matcher.appendReplacement(text, Matcher.quoteReplacement(value));
      }
      matcher.appendTail(text);
      rendered.add(text.toString());
    }
    return rendered;
  }
}
