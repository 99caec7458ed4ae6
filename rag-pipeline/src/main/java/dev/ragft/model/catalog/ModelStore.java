package dev.ragft.model.catalog;

import dev.ragft.common.Hashes;
import dev.ragft.common.InputException;
import dev.ragft.common.Progress;
import dev.ragft.common.RagftException;
import dev.ragft.model.UserCache;
import dev.ragft.model.download.Downloader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The local store of catalogue models: resolves what a user names to a file, downloading a
 * catalogue model on first use. A name is a path when it ends in {@code .gguf} or names an
 * existing file; otherwise it is a catalogue id. Offline, a missing model fails with one sentence
 * that says how else to supply one.
 */
public final class ModelStore {

  /** How to supply a model without downloading one; ends every download failure. */
  public static final String ALTERNATIVES = "supply a model another way: --model PATH for a"
      + " local GGUF file, --provider ollama for a running Ollama, or --provider"
      + " openai-compatible --base-url URL for an OpenAI-compatible endpoint";

  private final Path folder;
  private final ModelCatalog catalog;
  private final Downloader downloader;
  private final Function<CatalogEntry, Progress> progress;

  /**
   * A store.
   *
   * @param folder where downloaded models live
   * @param catalog the pinned models
   * @param downloader how to fetch them
   * @param progress the progress line for a download of an entry
   */
  public ModelStore(Path folder, ModelCatalog catalog, Downloader downloader,
      Function<CatalogEntry, Progress> progress) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** The store in the user cache, with the bundled catalogue and a progress bar on stderr. */
  public static ModelStore standard() {
    return new ModelStore(UserCache.models(), ModelCatalog.bundled(), Downloader.standard(),
        entry -> Progress.onStderr("download " + entry.file(), entry.size(), "bytes", "bytes"));
  }

  /** The catalogue. */
  public ModelCatalog catalog() {
    return catalog;
  }

  /** Where a catalogue model lives once downloaded. */
  public Path fileOf(CatalogEntry entry) {
    return folder.resolve(entry.file());
  }

  /**
   * The file for a model name (null for the catalogue default), downloading a catalogue model
   * that is not here yet.
   */
  public ResolvedModel resolve(String name) {
    String reference = name == null ? catalog.defaultId() : name;
    Path path = Path.of(reference);
    if (reference.endsWith(".gguf") || Files.isRegularFile(path)) {
      return local(path);
    }
    CatalogEntry entry = catalog.find(reference).orElseThrow(() -> new RagftException(
        "there is no model '" + reference + "' in the catalogue (" + catalog.ids()
            + ") and no file of that name; give a catalogue id or the path of a GGUF file"));
    return new ResolvedModel(pull(entry), entry.id(), entry.sha256(), entry.smoke());
  }

  /** Downloads an entry unless it is here already, and returns its file. */
  public Path pull(CatalogEntry entry) {
    Path target = fileOf(entry);
    if (Files.isRegularFile(target)) {
      return target;
    }
    try {
      return downloader.download(entry.url(), target, entry.size(), entry.sha256(),
          progress.apply(entry));
    } catch (RagftException e) {
      throw new RagftException("cannot download the model " + entry.id() + ": " + e.getMessage()
          + "; " + ALTERNATIVES, e);
    }
  }

  /** A local GGUF file; recognised catalogue files keep their smoke label. */
  private ResolvedModel local(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file.toString(), 0, null, "the model file does not exist");
    }
    String sha256 = FileHashes.sha256(file);
    boolean smoke = catalog.models().stream()
        .anyMatch(entry -> entry.smoke() && entry.sha256().equals(sha256));
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(".gguf") ? fileName.substring(0, fileName.length() - 5)
        : fileName;
    return new ResolvedModel(file, name, sha256, smoke);
  }

  /** The state of one catalogue model in this store. */
  public record Status(CatalogEntry entry, Path file, boolean present, long partialBytes) {
  }

  /** Every catalogue model with whether it is downloaded (or partly downloaded). */
  public List<Status> list() {
    List<Status> statuses = new ArrayList<>();
    for (CatalogEntry entry : catalog.models()) {
      Path file = fileOf(entry);
      Path partial = Downloader.partialFile(file);
      try {
        statuses.add(new Status(entry, file, Files.isRegularFile(file),
            Files.isRegularFile(partial) ? Files.size(partial) : 0));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + partial + ": " + e.getMessage(), e);
      }
    }
    return statuses;
  }

  /**
   * Checks a downloaded model against its pinned size and SHA-256; returns null when it is
   * intact, or the problem in one sentence.
   */
  public String verify(CatalogEntry entry) {
    Path file = fileOf(entry);
    try {
      if (!Files.isRegularFile(file)) {
        return file + " is not downloaded";
      }
      long size = Files.size(file);
      if (size != entry.size()) {
        return file + " has " + size + " bytes instead of the pinned " + entry.size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String actual = Hashes.sha256(file);
    return actual.equals(entry.sha256()) ? null
        : file + " has SHA-256 " + actual + " instead of the pinned " + entry.sha256();
  }
}
