package dev.ragft.eval.demo;

import java.io.Writer;

/** Writes to two writers, so the demo's text goes to the console and into its summary file. */
final class TeeWriter extends Writer {

  private final Writer first;
  private final Writer second;

  TeeWriter(Writer first, Writer second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws java.io.IOException {
    first.write(buffer, offset, length);
    second.write(buffer, offset, length);
  }

  @Override
  public void flush() throws java.io.IOException {
    first.flush();
    second.flush();
  }

  @Override
  public void close() throws java.io.IOException {
    flush();
  }
}
