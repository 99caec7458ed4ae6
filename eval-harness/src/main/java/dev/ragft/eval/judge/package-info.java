/**
 * An optional LLM judge of correctness and faithfulness over any LangChain4j chat model, and its
 * calibration: the judge grades replies people have labelled, {@link
 * dev.ragft.eval.judge.CohensKappa} measures the agreement, and the judge's checks gate only when
 * kappa reaches the configured minimum ({@link dev.ragft.eval.judge.JudgeCalibration#gates()});
 * otherwise they are recorded as information.
 */
package dev.ragft.eval.judge;
