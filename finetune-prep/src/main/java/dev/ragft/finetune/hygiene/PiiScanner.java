package dev.ragft.finetune.hygiene;

import dev.ragft.finetune.example.TrainingExample;
import dev.ragft.finetune.example.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data and secrets in examples and redacts or flags them. Kinds are looked for in
 * the order secrets, card numbers, e-mail addresses, phone numbers; a span already claimed by an
 * earlier kind is not matched again. Findings hold the kind and position, never the matched text,
 * so reports cannot leak what they found.
 *
 * <ul>
 *   <li>secrets: OpenAI ({@code sk-…}), AWS access key ids ({@code AKIA…}), GitHub tokens
 *       ({@code ghp_…} and kin), Slack tokens ({@code xox…-}), Google API keys ({@code AIza…}),
 *       private-key blocks, and the value of {@code api_key=}, {@code secret:},
 *       {@code password=}, {@code access_token=}…</li>
 *   <li>card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn
 *       check.</li>
 *   <li>e-mail addresses.</li>
 *   <li>phone numbers: digit groups separated by spaces, dots or dashes, optionally with a
 *       {@code +country} prefix or an area code in parentheses, 9 to 15 digits in all (short local
 *       numbers such as 555-1234 are not flagged, nor digit groups that run on, such as a
 *       card number failing the Luhn check).</li>
 * </ul>
 */
public final class PiiScanner {

  /** What was found. */
  public enum Kind {
    /** An API key, token, password or private key. */
    SECRET,
    /** A payment card number. */
    CARD,
    /** An e-mail address. */
    EMAIL,
    /** A phone number. */
    PHONE;

    /** The text that replaces a redacted match. */
    public String placeholder() {
      return "[" + name() + "]";
    }
  }

  /** What to do with findings. */
  public enum Mode {
    /** Replace each match with its placeholder. */
    REDACT,
    /** Keep the text and report the findings. */
    FLAG
  }

  /**
   * One finding.
   *
   * @param exampleId the example
   * @param field where: {@code system}, {@code turns[i]}, {@code target} or {@code rejected}
   * @param kind what
   * @param start the offset of the match in the original field text
   * @param end the offset just after it
   */
  public record Finding(String exampleId, String field, Kind kind, int start, int end) {
  }

  /**
   * The example after scanning, and what was found in it.
   *
   * @param example the example, redacted in {@link Mode#REDACT}
   * @param findings the findings, by field then position
   */
  public record Result(TrainingExample example, List<Finding> findings) {

    /** Copies the list. */
    public Result {
      findings = List.copyOf(findings);
    }
  }

  private static final List<Pattern> SECRETS = List.of(
      Pattern.compile("sk-(?:proj-)?[A-Za-z0-9_-]{20,}"),
      Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
      Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}"),
      Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
      Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
      Pattern.compile("-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"),
      Pattern.compile("(?i)\\b(?:api[_-]?key|secret|access[_-]?token|auth[_-]?token|password)"
          + "\\b\\s*[:=]\\s*[\"']?([A-Za-z0-9_\\-./+=]{8,})"));
  private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w+]|[0-9][ .-])(?:\\+[1-9][0-9]{0,2}[ .-]?)?(?:\\(?[0-9]{2,4}\\)?[ .-]?)?"
          + "[0-9]{3,4}[ .-][0-9]{3,4}(?![\\w]|[ .-][0-9])");

  private final Mode mode;

  /** A scanner that redacts or flags. */
  public PiiScanner(Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /** Scans every text of the example. */
  public Result scan(TrainingExample example) {
    List<Finding> findings = new ArrayList<>();
    String system = example.system() == null ? null
        : field(example.id(), "system", example.system(), findings);
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < example.turns().size(); i++) {
      Turn turn = example.turns().get(i);
      turns.add(new Turn(turn.role(), field(example.id(), "turns[" + i + "]", turn.content(), findings)));
    }
    String target = field(example.id(), "target", example.target(), findings);
    String rejected = example.rejected() == null ? null
        : field(example.id(), "rejected", example.rejected(), findings);
    if (findings.isEmpty() || mode == Mode.FLAG) {
      return new Result(example, findings);
    }
    return new Result(example.withText(system, turns, target, rejected), findings);
  }

  /** The findings in one text, without example context; for tests and the CLI. */
  public static List<Finding> find(String text) {
    List<Finding> findings = new ArrayList<>();
    spans(text, "", "text", findings);
    return findings;
  }

  private String field(String id, String name, String text, List<Finding> findings) {
    List<Finding> found = new ArrayList<>();
    spans(text, id, name, found);
    findings.addAll(found);
    if (mode == Mode.FLAG || found.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Finding finding : found) {
      out.append(text, at, finding.start()).append(finding.kind().placeholder());
      at = finding.end();
    }
    return out.append(text.substring(at)).toString();
  }

  private static void spans(String text, String id, String field, List<Finding> out) {
    List<Finding> found = new ArrayList<>();
    for (Pattern secret : SECRETS) {
      Matcher m = secret.matcher(text);
      while (m.find()) {
        int group = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
        claim(found, new Finding(id, field, Kind.SECRET, m.start(group), m.end(group)));
      }
    }
    Matcher card = CARD.matcher(text);
    while (card.find()) {
      if (luhn(card.group())) {
        claim(found, new Finding(id, field, Kind.CARD, card.start(), card.end()));
      }
    }
    Matcher email = EMAIL.matcher(text);
    while (email.find()) {
      claim(found, new Finding(id, field, Kind.EMAIL, email.start(), email.end()));
    }
    Matcher phone = PHONE.matcher(text);
    while (phone.find()) {
      long digits = phone.group().chars().filter(Character::isDigit).count();
      if (digits >= 9 && digits <= 15) {
        claim(found, new Finding(id, field, Kind.PHONE, phone.start(), phone.end()));
      }
    }
    found.sort(Comparator.comparingInt(Finding::start));
    out.addAll(found);
  }

  private static void claim(List<Finding> found, Finding candidate) {
    for (Finding f : found) {
      if (candidate.start() < f.end() && f.start() < candidate.end()) {
        return;
      }
    }
    found.add(candidate);
  }

  /** Whether the digits of {@code text} (other characters ignored) pass the Luhn check. */
  public static boolean luhn(String text) {
    int sum = 0;
    boolean twice = false;
    int digits = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
      digits++;
    }
    return digits >= 13 && digits <= 19 && sum % 10 == 0;
  }
}
