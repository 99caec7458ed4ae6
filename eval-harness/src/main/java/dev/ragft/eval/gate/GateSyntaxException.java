package dev.ragft.eval.gate;

import dev.ragft.common.RagftException;

/**
 * A gate expression that cannot be used: malformed, or naming a metric the run does not have.
 * The message reads {@code gate column N: problem}; {@link #pointer()} shows the expression with
 * a caret under the column.
 */
public class GateSyntaxException extends RagftException {

  private final String expression;
  private final int position;
  private final String problem;

  /**
   * Creates the error.
   *
   * @param expression the whole gate expression
   * @param position the 0-based offset of the problem
   * @param problem what is wrong
   */
  public GateSyntaxException(String expression, int position, String problem) {
    super("gate column " + (position + 1) + ": " + problem);
    this.expression = expression;
    this.position = position;
    this.problem = problem;
  }

  /** The whole gate expression. */
  public String expression() {
    return expression;
  }

  /** The 0-based offset of the problem in the expression. */
  public int position() {
    return position;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** Two lines: the expression, and a caret under the problem. */
  public String pointer() {
    return expression + "\n" + " ".repeat(position) + "^";
  }
}
