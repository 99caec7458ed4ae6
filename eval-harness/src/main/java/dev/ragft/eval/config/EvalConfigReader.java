package dev.ragft.eval.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.model.llamacpp.LoraAdapter;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.Provider;
import dev.ragft.eval.prompt.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@link EvalConfig} from a YAML or JSON file, strictly: an unknown key, a key given
 * twice, a value of the wrong type, a bad value or a name that refers to nothing is an
 * {@link InputException} naming the file, the line and the field ({@code eval.yaml:12: field
 * "setups[1].model" names no configured model: "tuned"}). Relative paths are resolved against the
 * file's folder; the run id defaults to a hash of the file's content.
 */
public final class EvalConfigReader {

  /** The YAML mapper, except that a YAML boolean is not turned into text silently. */
  private static final ObjectMapper MAPPER = Json.yaml().copy();
  private static final Pattern BOOLEAN =
      Pattern.compile("Cannot coerce Boolean value \\((true|false)\\)");

  static {
    MAPPER.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  private EvalConfigReader() {
  }

  /** Reads and checks the configuration in {@code file}. */
  public static EvalConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().normalize().getParent();
    return parse(text, file.toString(), base);
  }

  /**
   * Reads and checks a configuration given as text.
   *
   * @param text the YAML or JSON text
   * @param source the name used in messages
   * @param baseDir the folder relative paths are resolved against
   */
  public static EvalConfig parse(String text, String source, Path baseDir) {
    LineIndex lines = LineIndex.of(text);
    JsonNode tree;
    try {
      tree = Json.yaml().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .readTree(text);
    } catch (JsonProcessingException e) {
      throw new InputException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          null, "is not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InputException(source, 1, null, "must hold a mapping of settings");
    }
    Problems problems = new Problems(source, lines);
    rejectRunWideModelSettings(tree, problems);
    EvalConfig config = bind(tree, problems);
    checkReferences(config, problems);
    config = resolvePaths(config, baseDir);
    if (config.runId() == null) {
      config = config.withRunId("run-" + Hashes.sha256(text).substring(0, 12));
    }
    return config;
  }

  private static void rejectRunWideModelSettings(JsonNode tree, Problems problems) {
    JsonNode models = tree.path("models");
    for (Map.Entry<String, JsonNode> model : models.properties()) {
      for (String key : ModelConfigs.RUN_WIDE) {
        if (model.getValue().has(key)) {
          throw problems.at("/models/" + model.getKey() + "/" + key, "is a run-wide setting:"
              + " set it at the top of the file (maxRetries: under retry.attempts)");
        }
      }
    }
  }

  private static EvalConfig bind(JsonNode tree, Problems problems) {
    try {
      return MAPPER.treeToValue(tree, EvalConfig.class);
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
      throw problems.at(LineIndex.pointer(e), "is not a known setting; the known settings here"
          + " are: " + String.join(", ", known), e);
    } catch (ValueInstantiationException e) {
      String message = (e.getCause() == null ? e : e.getCause()).getMessage();
      String pointer = LineIndex.pointer(e);
      int space = message.indexOf(' ');
      String first = space > 0 ? message.substring(0, space) : "";
      if (!first.isEmpty() && tree.at(pointer).has(first)) {
        // "samples must be >= 1" is about the key samples: report it there.
        throw problems.at(pointer + "/" + first, message.substring(space + 1), e);
      }
      throw problems.at(pointer, message, e);
    } catch (JsonMappingException e) {
      String message = e.getOriginalMessage().replaceAll("\\s+", " ");
      Matcher bool = BOOLEAN.matcher(message);
      throw problems.at(LineIndex.pointer(e), bool.lookingAt() ? "is the boolean "
          + bool.group(1) + ", not text: YAML reads unquoted on, off, yes and no as true or"
          + " false; quote the text" : "has the wrong form: " + message, e);
    } catch (JsonProcessingException e) {
      throw problems.at("", "cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  private static void checkReferences(EvalConfig config, Problems problems) {
    Set<String> names = new HashSet<>(config.models().keySet());
    for (String name : config.registered().keySet()) {
      if (!names.add(name)) {
        throw problems.at("/registered/" + name, "reuses the name of a model under models");
      }
    }
    config.registered().forEach((name, model) -> {
      if (!config.models().containsKey(model.from())) {
        throw problems.at("/registered/" + name + "/from", "names no model under models: \""
            + model.from() + "\"");
      }
    });
    for (String name : config.retrieval().keySet()) {
      if (name.equals(SetupSpec.NO_CONTEXT) || name.equals(SetupSpec.ORACLE)) {
        throw problems.at("/retrieval/" + name, "is a reserved context name; choose another");
      }
    }
    for (String name : config.templates().keySet()) {
      if (Templates.BUILT_IN.contains(name)) {
        throw problems.at("/templates/" + name, "is a built-in template's name; choose another");
      }
      try {
        Templates.resolve(name, config.templates(), "");
      } catch (IllegalArgumentException e) {
        throw problems.at("/templates/" + name, e.getMessage(), e);
      }
    }
    Set<String> setupIds = new HashSet<>();
    for (int i = 0; i < config.setups().size(); i++) {
      SetupSpec setup = config.setups().get(i);
      String at = "/setups/" + i;
      if (!setupIds.add(setup.id())) {
        throw problems.at(at + "/id", "repeats the setup id \"" + setup.id() + "\"");
      }
      if (!names.contains(setup.model())) {
        throw problems.at(at + "/model", "names no configured model: \"" + setup.model()
            + "\"; the models are: " + String.join(", ", new TreeSet<>(names)));
      }
      String context = setup.context();
      if (!context.equals(SetupSpec.NO_CONTEXT) && !context.equals(SetupSpec.ORACLE)
          && !config.retrieval().containsKey(context)) {
        throw problems.at(at + "/context", "must be none, oracle or a retrieval under"
            + " retrieval, but is: \"" + context + "\"");
      }
      if (context.equals(SetupSpec.ORACLE) && config.corpus() == null) {
        throw problems.at(at + "/context", "is oracle, which needs a corpus to take the gold"
            + " documents from");
      }
      if (!Templates.BUILT_IN.contains(setup.template())
          && !config.templates().containsKey(setup.template())) {
        throw problems.at(at + "/template", "names no template: \"" + setup.template()
            + "\"; built in are " + String.join(", ", Templates.BUILT_IN));
      }
      if (!setup.adapters().isEmpty() && provider(config, setup.model()) != Provider.LLAMACPP) {
        throw problems.at(at + "/adapters", "apply only to llamacpp models");
      }
    }
    config.judgeSpec().ifPresent(judge -> {
      if (!names.contains(judge.model())) {
        throw problems.at("/judge/model", "names no configured model: \"" + judge.model()
            + "\"");
      }
    });
    for (String provider : config.rateLimits().keySet()) {
      try {
        Provider.parse(provider);
      } catch (IllegalArgumentException e) {
        throw problems.at("/rateLimits/" + provider, e.getMessage(), e);
      }
    }
    for (String model : config.costs().trainingUsd().keySet()) {
      if (!names.contains(model)) {
        throw problems.at("/costs/trainingUsd/" + model, "names no configured model");
      }
    }
    config.retrieval().forEach((name, spec) -> {
      if (spec.build() != null && config.corpus() == null) {
        throw problems.at("/retrieval/" + name + "/build", "needs a corpus to build from");
      }
    });
  }

  private static Provider provider(EvalConfig config, String model) {
    ChatModelConfig chat = config.models().get(model);
    return chat != null ? chat.provider()
        : config.models().get(config.registered().get(model).from()).provider();
  }

  private static EvalConfig resolvePaths(EvalConfig c, Path base) {
    Map<String, ChatModelConfig> models = new LinkedHashMap<>();
    c.models().forEach((name, model) -> {
      ChatModelConfig resolved = model;
      if (model.provider() == Provider.LLAMACPP) {
        if (model.model() != null && looksLikePath(model.model())) {
          resolved = ModelConfigs.withModel(resolved, path(base, model.model()));
        }
        resolved = ModelConfigs.withAdapters(resolved, adapters(base, model.adapters()));
      }
      models.put(name, resolved);
    });
    Map<String, RegisteredModel> registered = new LinkedHashMap<>();
    c.registered().forEach((name, model) -> registered.put(name, new RegisteredModel(model.job(),
        model.registry() == null ? null : path(base, model.registry()), model.from())));
    Map<String, RetrievalSpec> retrieval = new LinkedHashMap<>();
    c.retrieval().forEach((name, spec) -> retrieval.put(name, spec.withIndex(path(base,
        spec.index()))));
    List<SetupSpec> setups = new ArrayList<>();
    for (SetupSpec setup : c.setups()) {
      setups.add(new SetupSpec(setup.id(), setup.model(), adapters(base, setup.adapters()),
          setup.context(), setup.template(), setup.constrained()));
    }
    CaseSelection cases = c.cases();
    cases = new CaseSelection(cases.scenario(), cases.files().stream()
        .map(f -> path(base, f)).toList(), cases.version(), cases.categories(), cases.ids(),
        cases.limit());
    CorpusSpec corpus = c.corpus() == null || c.corpus().path() == null ? c.corpus()
        : new CorpusSpec(null, path(base, c.corpus().path()), c.corpus().version());
    JudgeSpec judge = c.judge() == null || c.judge().calibration() == null ? c.judge()
        : new JudgeSpec(c.judge().model(), path(base, c.judge().calibration()),
            c.judge().minKappa(), c.judge().maxTokens());
    CostSettings costs = c.costs().prices() == null ? c.costs()
        : new CostSettings(path(base, c.costs().prices()), c.costs().trainingUsd(),
            c.costs().queries());
    return new EvalConfig(c.runId(), c.seed(), c.samples(), c.temperature(), c.maxTokens(),
        c.concurrency(), c.cache(), c.cacheDir() == null ? null : path(base, c.cacheDir()),
        c.systemPrompt(), c.responseSchema(), c.referenceF1(), c.oracleBudget(), cases, corpus,
        models, registered, retrieval, c.templates(), setups, judge, c.rateLimits(), c.retry(),
        costs);
  }

  private static boolean looksLikePath(String model) {
    return model.contains("/") || model.contains("\\")
        || model.toLowerCase(Locale.ROOT).endsWith(".gguf");
  }

  private static List<String> adapters(Path base, List<String> adapters) {
    List<String> resolved = new ArrayList<>();
    for (String adapter : adapters) {
      LoraAdapter parsed = LoraAdapter.parse(adapter);
      resolved.add(base.resolve(parsed.file()).normalize() + "=" + parsed.scale());
    }
    return resolved;
  }

  private static String path(Path base, String path) {
    String expanded = path.startsWith("~/")
        ? System.getProperty("user.home") + path.substring(1) : path;
    return base.resolve(expanded).normalize().toString();
  }

  /** Input errors at a pointer of one file. */
  private record Problems(String source, LineIndex lines) {

    InputException at(String pointer, String problem) {
      return at(pointer, problem, null);
    }

    InputException at(String pointer, String problem, Throwable cause) {
      String path = LineIndex.path(pointer);
      return new InputException(source, lines.lineOf(pointer), path.isEmpty() ? null : path,
          problem, cause);
    }
  }
}
