package dev.ragft.model.llamacpp;

import dev.ragft.common.CacheDirs;
import dev.ragft.common.Hashes;
import dev.ragft.model.gguf.LoraMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The single adapter file that stands for several adapters with their scales
 * ({@link LoraMerge}), kept in the ragft cache under {@code adapters/} and named by the SHA-256 of
 * the adapters' contents and scales, so the same combination is merged once.
 */
final class MergedAdapters {

  private MergedAdapters() {
  }

  /** The merged file of {@code adapters} (two or more), written on first use. */
  static Path file(List<LoraAdapter> adapters) {
    return file(adapters, CacheDirs.root().resolve("adapters"));
  }

  /** The merged file of {@code adapters} in {@code folder}. */
  static Path file(List<LoraAdapter> adapters, Path folder) {
    StringBuilder key = new StringBuilder("ragft-lora-merge/1");
    for (LoraAdapter adapter : adapters) {
      key.append('\n').append(Hashes.sha256(adapter.file())).append(' ')
          .append(String.format(Locale.ROOT, "%.17g", adapter.scale()));
    }
    Path target = folder.resolve("merged-" + Hashes.sha256(key.toString()).substring(0, 16)
        + ".gguf");
    if (!Files.isRegularFile(target)) {
      LoraMerge.merge(adapters.stream()
          .map(a -> new LoraMerge.Input(a.file(), a.scale())).toList(), target);
    }
    return target;
  }
}
