/**
 * Dataset formats and loaders, and the bundled demo scenario. The central type is
 * {@link dev.ragft.datasets.cases.FailureCase}, the failure-case format every setup is evaluated
 * on; {@link dev.ragft.datasets.scenario} holds the fictional company whose documents, cases and
 * behaviour training examples drive {@code ragft demo}; {@link dev.ragft.datasets.beir},
 * {@link dev.ragft.datasets.squad} and {@link dev.ragft.datasets.nq} turn public benchmarks into
 * corpora and cases. Every reader streams or reads bounded input, and reports bad input as an
 * {@link dev.ragft.common.InputException} naming file, line and field.
 */
package dev.ragft.datasets;
