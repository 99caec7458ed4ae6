package dev.ragft.finetune.job;

/**
 * Named points in a submission where a test can make the JVM die on the spot, to prove that a
 * restart completes the work exactly once. Set the system property {@value #PROPERTY} to a point's
 * name and the JVM halts with exit code {@value #HALT_CODE} when it reaches that point; without the
 * property nothing happens. A test switch only; no configuration reaches it.
 */
public final class CrashPoints {

  /** The system property that names the point to halt at. */
  public static final String PROPERTY = "ragft.test.haltAt";
  /** The exit code of a halted JVM. */
  public static final int HALT_CODE = 86;

  /** After the submission is recorded, before anything is uploaded. */
  public static final String RECORDED = "recorded";
  /** After an upload succeeded at the provider, before its file id is recorded. */
  public static final String UPLOADED_UNRECORDED = "uploaded-unrecorded";
  /** After "create sent" is recorded, before the create request goes out. */
  public static final String CREATE_SENT = "create-sent";
  /** After the provider created the job, before its id is recorded. */
  public static final String CREATED_UNRECORDED = "created-unrecorded";
  /** Halfway through writing a registry file, before it replaces the old one. */
  public static final String REGISTRY_MID_WRITE = "registry-mid-write";
  /** In a local training, right after a checkpoint is written and logged. */
  public static final String LOCAL_CHECKPOINT = "local-checkpoint";

  private CrashPoints() {
  }

  /** Halts the JVM at once if the test switch names this point. */
  public static void reach(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      Runtime.getRuntime().halt(HALT_CODE);
    }
  }
}
