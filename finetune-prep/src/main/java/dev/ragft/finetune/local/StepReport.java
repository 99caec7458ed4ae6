package dev.ragft.finetune.local;

import java.time.Duration;

/**
 * Where a training run stands after an optimizer step.
 *
 * @param step the step just done (1-based)
 * @param totalSteps the steps of the whole run
 * @param loss the mean loss per trained token of this step
 * @param tokens the tokens (prompt and reply, without padding) this step processed
 * @param tokensPerSecond the tokens per second since this process started or resumed the run
 * @param elapsed the time since this process started or resumed the run
 * @param eta the estimated time left
 */
public record StepReport(int step, int totalSteps, double loss, long tokens,
    double tokensPerSecond, Duration elapsed, Duration eta) {
}
