package dev.ragft.finetune.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.ragft.common.InputException;
import dev.ragft.common.Json;
import dev.ragft.finetune.format.Format;
import dev.ragft.finetune.hygiene.PiiScanner;
import dev.ragft.rag.chunk.ChunkerConfig;
import dev.ragft.rag.chunk.ChunkerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A training-set build, as written in YAML. Every setting but {@code sources} has a default,
 * applied here and nowhere else; unknown keys are rejected.
 *
 * @param name the build's name
 * @param seed the seed of every random choice (dedupe hashes, split, distractors)
 * @param systemPrompt the system prompt given to examples that have none, or null
 * @param sources the inputs
 * @param evalCases evaluation cases for the leakage guard: files (JSON Lines, or failure-case
 *     YAML or CSV) or {@code scenario:NAME} for a bundled scenario's cases
 * @param leakage leakage guard settings
 * @param dedupe deduplication settings
 * @param pii PII settings
 * @param split split settings
 * @param formats the provider formats to export
 * @param model base model, tokenizer and price settings
 * @param output the output folder, relative to the configuration file
 */
public record BuildConfig(
    @JsonProperty("name") String name,
    @JsonProperty("seed") Long seed,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("sources") List<Source> sources,
    @JsonProperty("eval_cases") List<String> evalCases,
    @JsonProperty("leakage") Leakage leakage,
    @JsonProperty("dedupe") Dedupe dedupe,
    @JsonProperty("pii") Pii pii,
    @JsonProperty("split") Split split,
    @JsonProperty("formats") List<String> formats,
    @JsonProperty("model") Model model,
    @JsonProperty("output") String output) {

  /** Applies the defaults and checks the sources. */
  public BuildConfig {
    name = name == null ? "training-set" : name;
    seed = seed == null ? 42L : seed;
    if (sources == null || sources.isEmpty()) {
      throw new IllegalArgumentException("\"sources\" must list at least one source");
    }
    sources = List.copyOf(sources);
    if (sources.stream().map(Source::id).distinct().count() != sources.size()) {
      throw new IllegalArgumentException("source ids must be unique");
    }
    evalCases = evalCases == null ? List.of() : List.copyOf(evalCases);
    leakage = leakage == null ? new Leakage(null, null, null, null) : leakage;
    dedupe = dedupe == null ? new Dedupe(null, null, null, null, null) : dedupe;
    pii = pii == null ? new Pii(null) : pii;
    split = split == null ? new Split(null) : split;
    formats = formats == null ? List.of("openai") : List.copyOf(formats);
    formats.forEach(Format::parse);
    model = model == null ? new Model(null, null, null, null, null) : model;
    output = output == null ? "ft-out" : output;
  }

  /** The formats to export, parsed. */
  public List<Format> exportFormats() {
    return formats.stream().map(Format::parse).collect(Collectors.toList());
  }

  /**
   * One input.
   *
   * @param id the source id, used in example ids, manifests and {@code ft forget}
   * @param kind {@code curated}, {@code corrections}, {@code teacher} or {@code scenario}
   * @param path the JSON Lines file (curated, corrections)
   * @param licence the licence, or null when unknown
   * @param label the stratification label of its examples (default: the source id)
   * @param chunks the chunks file (teacher; or {@code corpus})
   * @param outputs the teacher reply cache (teacher)
   * @param questionsPerChunk pairs asked per chunk (teacher, default 3)
   * @param plain emit plain question/answer examples (teacher, default true)
   * @param retrievalAware emit retrieval-aware examples (teacher, default true)
   * @param distractors distractors per retrieval-aware example (teacher, default 3)
   * @param scenario the bundled scenario whose behaviour training data to use (scenario)
   * @param corpus files and folders to load and chunk for the teacher (teacher; or
   *     {@code chunks})
   * @param chunking how the corpus is chunked (teacher with {@code corpus}; default recursive
   *     chunks of 256 tokens)
   * @param model the teacher model: a chat model configuration (see {@code docs/models.md}),
   *     inline or as the path of a YAML/JSON file; replies missing from {@code outputs} are asked
   *     of it (teacher; optional, without it every reply must be cached)
   */
  public record Source(
      @JsonProperty("id") String id,
      @JsonProperty("kind") String kind,
      @JsonProperty("path") String path,
      @JsonProperty("licence") String licence,
      @JsonProperty("label") String label,
      @JsonProperty("chunks") String chunks,
      @JsonProperty("outputs") String outputs,
      @JsonProperty("questions_per_chunk") Integer questionsPerChunk,
      @JsonProperty("plain") Boolean plain,
      @JsonProperty("retrieval_aware") Boolean retrievalAware,
      @JsonProperty("distractors") Integer distractors,
      @JsonProperty("scenario") String scenario,
      @JsonProperty("corpus") List<String> corpus,
      @JsonProperty("chunking") Chunking chunking,
      @JsonProperty("model") JsonNode model) {

    /** Applies the defaults and checks the kind's required fields. */
    public Source {
      if (id == null || id.isBlank() || id.contains("/")) {
        throw new IllegalArgumentException("every source needs an \"id\" without '/'");
      }
      kind = kind == null ? "curated" : kind.toLowerCase(Locale.ROOT);
      switch (kind) {
        case "curated", "corrections" -> {
          if (path == null) {
            throw new IllegalArgumentException("source " + id + " needs a \"path\"");
          }
        }
        case "teacher" -> {
          if ((chunks == null) == (corpus == null || corpus.isEmpty()) || outputs == null) {
            throw new IllegalArgumentException("teacher source " + id + " needs \"outputs\" and"
                + " one of \"chunks\" and \"corpus\"");
          }
          if (model != null && !model.isTextual() && !model.isObject()) {
            throw new IllegalArgumentException("the \"model\" of teacher source " + id
                + " must be a chat model configuration or the path of one");
          }
        }
        case "scenario" -> {
          if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("scenario source " + id + " needs \"scenario\","
                + " the name of a bundled scenario");
          }
        }
        default -> throw new IllegalArgumentException("source " + id + " has kind \"" + kind
            + "\"; use curated, corrections, teacher or scenario");
      }
      label = label == null ? id : label;
      questionsPerChunk = questionsPerChunk == null ? 3 : questionsPerChunk;
      plain = plain == null || plain;
      retrievalAware = retrievalAware == null || retrievalAware;
      distractors = distractors == null ? 3 : distractors;
      corpus = corpus == null ? null : List.copyOf(corpus);
      chunking = chunking == null ? new Chunking(null, null, null, null, null) : chunking;
    }
  }

  /**
   * How a teacher's corpus is chunked; unset values take the chunker's defaults
   * ({@link ChunkerConfig.Builder}).
   *
   * @param type {@code fixed}, {@code recursive}, {@code markdown}, {@code sentence-window} or
   *     {@code document}
   * @param size the most tokens in a chunk
   * @param overlap tokens shared by neighbouring {@code fixed} chunks
   * @param window sentences on each side ({@code sentence-window})
   * @param tokenizer the model whose tokenizer measures tokens, or a {@code tokenizer.json} path
   */
  public record Chunking(@JsonProperty("type") String type, @JsonProperty("size") Integer size,
      @JsonProperty("overlap") Integer overlap, @JsonProperty("window") Integer window,
      @JsonProperty("tokenizer") String tokenizer) {

    /** Checks the settings by making the chunker configuration once. */
    public Chunking {
      config(type, size, overlap, window, tokenizer);
    }

    /** The chunker configuration. */
    public ChunkerConfig config() {
      return config(type, size, overlap, window, tokenizer);
    }

    private static ChunkerConfig config(String type, Integer size, Integer overlap,
        Integer window, String tokenizer) {
      ChunkerConfig.Builder builder = ChunkerConfig.builder();
      if (type != null) {
        builder.type(ChunkerType.parse("chunking.type", type));
      }
      if (size != null) {
        builder.size(size);
      }
      if (overlap != null) {
        builder.overlap(overlap);
      }
      if (window != null) {
        builder.window(window);
      }
      if (tokenizer != null) {
        builder.tokenizer(tokenizer);
      }
      return builder.build();
    }
  }

  /**
   * Leakage guard settings.
   *
   * @param allow build even when examples overlap evaluation cases (they are still reported)
   * @param ngram words per n-gram
   * @param jaccard Jaccard threshold
   * @param containment containment threshold
   */
  public record Leakage(@JsonProperty("allow") Boolean allow, @JsonProperty("ngram") Integer ngram,
      @JsonProperty("jaccard") Double jaccard, @JsonProperty("containment") Double containment) {

    /** Applies the defaults. */
    public Leakage {
      allow = allow != null && allow;
      ngram = ngram == null ? 3 : ngram;
      jaccard = jaccard == null ? 0.5 : jaccard;
      containment = containment == null ? 0.8 : containment;
    }
  }

  /**
   * Deduplication settings.
   *
   * @param enabled whether to deduplicate
   * @param shingle words per shingle
   * @param hashes MinHash functions
   * @param bands LSH bands
   * @param threshold near-duplicate Jaccard threshold
   */
  public record Dedupe(@JsonProperty("enabled") Boolean enabled,
      @JsonProperty("shingle") Integer shingle, @JsonProperty("hashes") Integer hashes,
      @JsonProperty("bands") Integer bands, @JsonProperty("threshold") Double threshold) {

    /** Applies the defaults. */
    public Dedupe {
      enabled = enabled == null || enabled;
      shingle = shingle == null ? 3 : shingle;
      hashes = hashes == null ? 128 : hashes;
      bands = bands == null ? 32 : bands;
      threshold = threshold == null ? 0.8 : threshold;
    }
  }

  /**
   * PII settings.
   *
   * @param mode {@code redact} or {@code flag}
   */
  public record Pii(@JsonProperty("mode") String mode) {

    /** Applies the default and checks the mode. */
    public Pii {
      mode = mode == null ? "redact" : mode.toLowerCase(Locale.ROOT);
      scannerMode(mode);
    }

    /** The scanner mode. */
    public PiiScanner.Mode scannerMode() {
      return scannerMode(mode);
    }

    private static PiiScanner.Mode scannerMode(String mode) {
      return switch (mode) {
        case "redact" -> PiiScanner.Mode.REDACT;
        case "flag" -> PiiScanner.Mode.FLAG;
        default -> throw new IllegalArgumentException("pii mode must be redact or flag, but is: " + mode);
      };
    }
  }

  /**
   * Split settings.
   *
   * @param validationFraction the share of each label held out for validation
   */
  public record Split(@JsonProperty("validation_fraction") Double validationFraction) {

    /** Applies the default. */
    public Split {
      validationFraction = validationFraction == null ? 0.1 : validationFraction;
    }
  }

  /**
   * Base model, tokenizer and prices.
   *
   * @param baseModel the model to fine-tune (looked up in the bundled base-model table)
   * @param tokenizer a tokenizer spec overriding the table's ({@code o200k_base},
   *     {@code hf:tokenizer.json}, {@code gguf:model.gguf})
   * @param maxTokensPerExample a limit overriding the table's
   * @param epochs the epochs, or null for OpenAI's automatic choice
   * @param prices a price file overriding bundled entries
   */
  public record Model(@JsonProperty("base_model") String baseModel,
      @JsonProperty("tokenizer") String tokenizer,
      @JsonProperty("max_tokens_per_example") Integer maxTokensPerExample,
      @JsonProperty("epochs") Integer epochs, @JsonProperty("prices") String prices) {
  }

  /** Reads a build configuration; a bad key or value names the file, line and field. */
  public static BuildConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file.getFileName().toString(), 0, null,
          "cannot be read: " + e.getMessage(), e);
    }
    return parse(text, file.getFileName().toString());
  }

  /**
   * Reads a build configuration from YAML text; a bad key or value names {@code source}, the line
   * and the field.
   */
  public static BuildConfig parse(String text, String source) {
    try {
      return Json.yaml().readValue(text, BuildConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      throw new InputException(source, lineOf(text, e.getPropertyName(), e.getLocation()),
          fieldPath(e), "is not a known setting; known settings here: " + known, e);
    } catch (JsonMappingException e) {
      JsonLocation at = e.getLocation();
      String problem = e.getCause() instanceof RuntimeException cause ? cause.getMessage()
          : e.getOriginalMessage();
      String field = fieldPath(e);
      throw new InputException(source, at == null ? 0 : Math.max(at.getLineNr(), 0),
          field.isEmpty() ? null : field, problem, e);
    } catch (IOException e) {
      throw new InputException(source, 0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  /**
   * The line of an unknown key: the parser reports where it stopped, after the value, so look
   * back from there for the line that names the key.
   */
  private static long lineOf(String text, String key, JsonLocation at) {
    int reported = at == null ? 0 : at.getLineNr();
    List<String> lines = text.lines().toList();
    for (int i = Math.min(reported, lines.size()) - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.startsWith(key + ":") || line.startsWith("- " + key + ":")) {
        return i + 1;
      }
    }
    return Math.max(reported, 0);
  }
}
