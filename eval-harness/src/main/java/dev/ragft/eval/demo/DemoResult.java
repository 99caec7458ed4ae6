package dev.ragft.eval.demo;

import dev.ragft.eval.compare.RunComparison;
import dev.ragft.eval.run.RunOutcome;
import java.nio.file.Path;

/**
 * What a demo produced.
 *
 * @param out the output folder
 * @param before the run on the first corpus version
 * @param after the run on the last corpus version
 * @param freshness the last run's freshness over the cases about changed facts
 * @param comparison the two runs compared on the cases both asked
 * @param finetuned whether a fine-tuned model took part
 * @param smoke whether the base model was a smoke model
 * @param reportBefore the HTML report of the first run
 * @param reportAfter the HTML report of the last run
 */
public record DemoResult(Path out, RunOutcome before, RunOutcome after, Freshness freshness,
    RunComparison comparison, boolean finetuned, boolean smoke, Path reportBefore,
    Path reportAfter) {
}
