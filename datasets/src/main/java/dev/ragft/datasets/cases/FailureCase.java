package dev.ragft.datasets.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One failure case: a question every setup is asked, and everything needed to judge its reply
 * deterministically. The file format is described in {@code docs/failure-cases.md} and read by
 * {@link FailureCaseReader}; this record is what the evaluation harness consumes.
 *
 * @param id a unique, stable id: letters, digits and {@code . _ : / @ + -}, starting with a letter
 *     or digit, at most 200 characters
 * @param prompt the question or conversation
 * @param category what kind of failure the case is written to expose
 * @param referenceAnswer a correct reply, for exact match, token F1 and reports
 * @param requiredFacts facts a correct reply states, each tied at most to one of the gold documents
 * @param forbiddenClaims claims a correct reply must not make, such as stale facts
 * @param goldDocIds the documents that hold the answer, in no particular order, none repeated
 * @param format the shape the reply must have
 * @param policy the policy the reply must follow
 * @param corpusVersion the corpus version the case is about; empty when it holds in every version
 * @param tags free labels for filtering and reports, none repeated
 */
public record FailureCase(String id, Prompt prompt, Category category,
    Optional<String> referenceAnswer, List<RequiredFact> requiredFacts,
    List<ForbiddenClaim> forbiddenClaims, List<String> goldDocIds, FormatSpec format,
    PolicyChecks policy, Optional<String> corpusVersion, List<String> tags) {

  /** The form every case id has. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");

  /** The form every corpus version has: no whitespace. */
  public static final Pattern VERSION = Pattern.compile("[^\\s]+");

  /** Validates the case (see the component descriptions) and copies its lists. */
  public FailureCase {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("case id \"" + id + "\" is not of the form "
          + ID.pattern());
    }
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(referenceAnswer, "referenceAnswer");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(corpusVersion, "corpusVersion");
    requiredFacts = List.copyOf(requiredFacts);
    forbiddenClaims = List.copyOf(forbiddenClaims);
    goldDocIds = List.copyOf(goldDocIds);
    tags = List.copyOf(tags);
    String where = "case \"" + id + "\": ";
    referenceAnswer.ifPresent(answer -> {
      if (answer.isBlank()) {
        throw new IllegalArgumentException(where + "the reference answer must not be blank");
      }
    });
    unique(goldDocIds, where + "gold document id");
    unique(tags, where + "tag");
    for (RequiredFact fact : requiredFacts) {
      if (fact.docId().isPresent() && !goldDocIds.contains(fact.docId().get())) {
        throw new IllegalArgumentException(where + "a required fact names document \""
            + fact.docId().get() + "\", which is not among the gold document ids");
      }
    }
    corpusVersion.ifPresent(version -> {
      if (!VERSION.matcher(version).matches()) {
        throw new IllegalArgumentException(where + "corpus version \"" + version
            + "\" must be one word");
      }
    });
    if (referenceAnswer.isEmpty() && requiredFacts.isEmpty() && forbiddenClaims.isEmpty()
        && format.isEmpty() && policy.isEmpty()) {
      throw new IllegalArgumentException(where + "nothing to check: give a reference answer, "
          + "required facts, forbidden claims, a format or policy checks");
    }
  }

  private static void unique(List<String> values, String what) {
    List<String> seen = new ArrayList<>(values.size());
    for (String value : values) {
      if (value.isBlank()) {
        throw new IllegalArgumentException("a " + what + " must not be blank");
      }
      if (seen.contains(value)) {
        throw new IllegalArgumentException(what + " \"" + value + "\" is repeated");
      }
      seen.add(value);
    }
  }

  /** A builder for a case; everything except id, category and prompt is optional. */
  public static Builder builder(String id, Category category, Prompt prompt) {
    return new Builder(id, category, prompt);
  }

  /** The text of the last user turn, the text leakage checks compare with training prompts. */
  public String questionText() {
    return prompt.lastUserText();
  }

  /** Whether the case applies to {@code version}: it names that version or none. */
  public boolean appliesTo(String version) {
    return corpusVersion.map(version::equals).orElse(true);
  }

  /** Builds a {@link FailureCase}; the case is validated by {@link #build()}. */
  public static final class Builder {

    private final String id;
    private final Category category;
    private final Prompt prompt;
    private String referenceAnswer;
    private final List<RequiredFact> requiredFacts = new ArrayList<>();
    private final List<ForbiddenClaim> forbiddenClaims = new ArrayList<>();
    private final List<String> goldDocIds = new ArrayList<>();
    private FormatSpec format = FormatSpec.NONE;
    private PolicyChecks policy = PolicyChecks.NONE;
    private String corpusVersion;
    private final List<String> tags = new ArrayList<>();

    private Builder(String id, Category category, Prompt prompt) {
      this.id = id;
      this.category = category;
      this.prompt = prompt;
    }

    /** Sets the reference answer. */
    public Builder referenceAnswer(String answer) {
      this.referenceAnswer = Objects.requireNonNull(answer, "answer");
      return this;
    }

    /** Adds a required fact. */
    public Builder requiredFact(RequiredFact fact) {
      requiredFacts.add(Objects.requireNonNull(fact, "fact"));
      return this;
    }

    /** Adds a forbidden claim. */
    public Builder forbiddenClaim(ForbiddenClaim claim) {
      forbiddenClaims.add(Objects.requireNonNull(claim, "claim"));
      return this;
    }

    /** Adds gold document ids. */
    public Builder goldDocIds(List<String> ids) {
      goldDocIds.addAll(ids);
      return this;
    }

    /** Sets the format. */
    public Builder format(FormatSpec spec) {
      this.format = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /** Sets the policy checks. */
    public Builder policy(PolicyChecks checks) {
      this.policy = Objects.requireNonNull(checks, "checks");
      return this;
    }

    /** Sets the corpus version the case is about. */
    public Builder corpusVersion(String version) {
      this.corpusVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Adds tags. */
    public Builder tags(List<String> values) {
      tags.addAll(values);
      return this;
    }

    /** The validated case. */
    public FailureCase build() {
      return new FailureCase(id, prompt, category, Optional.ofNullable(referenceAnswer),
          requiredFacts, forbiddenClaims, goldDocIds, format, policy,
          Optional.ofNullable(corpusVersion), tags);
    }
  }
}
