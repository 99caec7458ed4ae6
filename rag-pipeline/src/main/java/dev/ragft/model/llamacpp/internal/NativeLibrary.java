package dev.ragft.model.llamacpp.internal;

import dev.ragft.common.Hashes;
import dev.ragft.model.UserCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Puts the binding's native library ({@code libjllama}) into a content-addressed folder of the user
 * cache and points the binding at it, before the first llama.cpp call.
 *
 * <p>Left alone, the binding extracts the library into {@code java.io.tmpdir} on every start,
 * prints a line on standard output, and deletes files named {@code llama*} or {@code jllama*} in
 * that folder; several JVMs sharing {@code /tmp} then race each other. Here the library is written
 * once per content hash with an atomic move, so concurrent processes are safe and nothing is
 * printed. The binding reads two system properties for this ({@code de.kherud.llama.lib.path} and
 * {@code de.kherud.llama.tmpdir}); they are process-wide by nature, as is the library itself.
 */
public final class NativeLibrary {

  private static final String PATH_PROPERTY = "de.kherud.llama.lib.path";
  private static final String TMP_PROPERTY = "de.kherud.llama.tmpdir";
  private static boolean prepared;

  private NativeLibrary() {
  }

  /** Prepares the library once per process; later calls return at once. */
  public static synchronized void prepare() {
    if (prepared || System.getProperty(PATH_PROPERTY) != null) {
      prepared = true;
      return;
    }
    prepared = true;
    String resource = resourcePath();
    byte[] library;
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        return; // not a platform the jar carries a library for: the binding reports it itself
      }
      library = in.readAllBytes();
    } catch (IOException e) {
      return;
    }
    Path folder = UserCache.root().resolve("native")
        .resolve("jllama-" + Hashes.sha256(library).substring(0, 16));
    try {
      Path target = folder.resolve(System.mapLibraryName("jllama"));
      if (!Files.isRegularFile(target) || Files.size(target) != library.length) {
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "part-", ".tmp");
        Files.write(partial, library);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
      Path scratch = folder.resolve("scratch");
      Files.createDirectories(scratch);
      System.setProperty(TMP_PROPERTY, scratch.toString());
      System.setProperty(PATH_PROPERTY, folder.toString());
    } catch (IOException e) {
      // An unwritable cache only costs the binding's own extraction into the temp folder.
    }
  }

  private static String resourcePath() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osFolder = os.contains("win") ? "Windows" : os.contains("mac") ? "Mac" : "Linux";
    String archFolder = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      case "x86", "i386", "i686" -> "x86";
      default -> arch;
    };
    return "/de/kherud/llama/" + osFolder + "/" + archFolder + "/"
        + System.mapLibraryName("jllama");
  }
}
