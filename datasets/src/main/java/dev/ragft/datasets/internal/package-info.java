/**
 * Helpers the readers of this module share and that are not API: trees of JSON or YAML values that
 * remember the line each value starts on, typed field access that turns every problem into an
 * {@link dev.ragft.common.InputException} naming file, line and field, and the check that a JSON
 * Schema embedded in a case is itself a valid, self-contained schema.
 */
package dev.ragft.datasets.internal;
