/**
 * The generator of the bundled demo scenario (a development tool kept in the test tree): it reads
 * the hand-written sources in {@code src/test/resources/scenario-src/<name>} (a fact table,
 * document templates, case and training sources) and renders every file under
 * {@code src/main/resources/dev/ragft/datasets/scenarios/<name>}, so that both corpus versions,
 * the changed-facts list, the cases and the training data always agree. Run it with
 * {@code -Dragft.scenario.regenerate=true} on {@code ScenarioUpToDateTest}.
 */
package dev.ragft.datasets.scenario.generator;
