/**
 * The failure-case format: {@link dev.ragft.datasets.cases.FailureCase} and its parts (prompt,
 * category, required facts, forbidden claims, gold documents, format and policy checks, corpus
 * version, tags), read from JSON Lines, YAML or CSV by
 * {@link dev.ragft.datasets.cases.FailureCaseReader} and converted with
 * {@link dev.ragft.datasets.cases.FailureCaseJson}. Cases are validated when read: regular
 * expressions must compile, embedded JSON Schemas must be valid and self-contained, ids must be
 * unique. The evaluation harness consumes these records; its scorers apply the match semantics
 * documented on {@link dev.ragft.datasets.cases.TextMatch},
 * {@link dev.ragft.datasets.cases.FormatSpec} and {@link dev.ragft.datasets.cases.PolicyChecks}
 * and in {@code docs/failure-cases.md}.
 */
package dev.ragft.datasets.cases;
