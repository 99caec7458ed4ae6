/**
 * Gates inside {@code mvn verify}: annotate a JUnit 5 test with {@link dev.ragft.eval.junit.RagftGate}
 * naming a finished run (and optionally a reference run) and gate clauses; the
 * {@link dev.ragft.eval.junit.RagftGateExtension} fails the test when a clause is violated, and
 * reports a malformed gate or a missing run as a configuration error. Needs JUnit Jupiter on the
 * test class path (this module compiles against it but does not bring it).
 */
package dev.ragft.eval.junit;
