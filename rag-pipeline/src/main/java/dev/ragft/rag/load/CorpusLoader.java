package dev.ragft.rag.load;

import dev.ragft.common.InputException;
import dev.ragft.common.InputProblems;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Loads the documents of a corpus as a lazy stream: the configured paths in order, each directory
 * walked in sorted order of relative path, each file read only when the stream reaches it, and a
 * JSONL corpus read line by line, so a large corpus is never held in memory. Bad input is
 * reported to the {@link InputProblems} given (see {@link LoadConfig#onError()} for what stops
 * the load). Use one loader per thread.
 *
 * <pre>{@code
 * InputProblems problems = new InputProblems(System.err::println);
 * CorpusLoader loader = new CorpusLoader(LoadConfig.of(Path.of("docs")), problems);
 * try (Stream<Document> documents = loader.stream()) {
 *   documents.forEach(index::add);
 * }
 * }</pre>
 */
public final class CorpusLoader {

  private final LoadConfig config;
  private final InputProblems problems;
  private List<SourceFile> files;
  private LoadContext context;

  /** Creates a loader; nothing is read until {@link #files()} or {@link #stream()}. */
  public CorpusLoader(LoadConfig config, InputProblems problems) {
    this.config = Objects.requireNonNull(config, "config");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.context = new LoadContext(config, problems);
  }

  /** The configuration this loader reads with. */
  public LoadConfig config() {
    return config;
  }

  /**
   * The files the load reads, in load order (walked once, then remembered). A directory that is
   * excluded is not entered; a file under a directory is taken when it matches an include glob
   * (or, with no include globs, when its format is known), matches no exclude glob, and has a
   * format; a path given directly as a file is always taken.
   *
   * @throws InputException when a configured path does not exist, or a file given directly has
   *     no known format and no format is configured
   */
  public List<SourceFile> files() {
    if (files == null) {
      List<SourceFile> walked = new ArrayList<>();
      for (Path root : config.paths()) {
        walk(root, walked);
      }
      files = List.copyOf(walked);
    }
    return files;
  }

  /**
   * The documents, lazily, in file order and within a file in its own order. Each call starts a
   * new load with fresh counts and a fresh set of seen ids. Close the stream (try-with-resources)
   * to release the file being read when it is not consumed to the end.
   */
  public Stream<Document> stream() {
    List<SourceFile> all = files();
    context = new LoadContext(config, problems);
    DocumentIterator documents = new DocumentIterator(all, context);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(documents::close);
  }

  /** How many files the latest {@link #stream()} has started to read. */
  public long filesOpened() {
    return context.filesOpened();
  }

  /** How many documents the latest {@link #stream()} has handed out. */
  public long documentsLoaded() {
    return context.documentsLoaded();
  }

  private void walk(Path root, List<SourceFile> into) {
    if (Files.isRegularFile(root)) {
      DocumentFormat format = Optional.ofNullable(config.format())
          .or(() -> DocumentFormat.forFileName(root.getFileName().toString()))
          .orElseThrow(() -> new InputException(root.toString(), 0, null,
              "has no known format: name one of the extensions in docs/loading-and-chunking.md "
                  + "or set the format"));
      into.add(new SourceFile(root, root.getFileName().toString(), format));
      return;
    }
    if (!Files.isDirectory(root)) {
      throw new InputException(root.toString(), 0, null, "does not exist");
    }
    Globs include = new Globs(config.include());
    Globs exclude = new Globs(config.exclude());
    List<SourceFile> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return !dir.equals(root) && exclude.matches(root.relativize(dir))
                  ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              Path relative = root.relativize(file);
              if (attributes.isRegularFile() && !exclude.matches(relative)
                  && (include.isEmpty() || include.matches(relative))) {
                Optional.ofNullable(config.format())
                    .or(() -> DocumentFormat.forFileName(file.getFileName().toString()))
                    .ifPresent(format -> found.add(new SourceFile(file, source(relative), format)));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              context.unreadable(new SourceFile(file, source(root.relativize(file)),
                  DocumentFormat.TEXT), "cannot be read: " + LoadContext.describe(e), e);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new InputException(root.toString(), 0, null,
          "cannot be walked: " + LoadContext.describe(e), e);
    }
    found.sort(Comparator.comparing(SourceFile::source));
    into.addAll(found);
  }

  private static String source(Path relative) {
    StringBuilder text = new StringBuilder();
    for (Path part : relative) {
      text.append(text.isEmpty() ? "" : "/").append(part);
    }
    return text.toString();
  }
}
