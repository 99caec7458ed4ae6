package dev.ragft.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or {@code development} when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Ragft.class.getPackage().getImplementationVersion();
    return new String[] {"ragft " + (version == null ? "development" : version)};
  }
}
