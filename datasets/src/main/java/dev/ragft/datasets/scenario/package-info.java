/**
 * Bundled scenarios: a fictional company's documents in several corpus versions, failure cases
 * about them, the facts that changed between versions, and behaviour training data (chat examples
 * and preference pairs). {@link dev.ragft.datasets.scenario.Scenarios} finds a scenario by name on
 * the classpath; a {@link dev.ragft.datasets.scenario.Scenario} lists its documents per version
 * (as resources, without parsing them), returns its parsed cases and training data, summarises
 * itself ({@link dev.ragft.datasets.scenario.ScenarioStats}) and extracts itself to a folder that a
 * retrieval pipeline can index. The demo scenario is {@code wrenbolt}; its content is generated
 * from fact tables by a tool in the test tree (see {@code docs/demo-scenario.md}).
 */
package dev.ragft.datasets.scenario;
