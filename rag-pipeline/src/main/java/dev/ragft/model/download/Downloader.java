package dev.ragft.model.download;

import dev.ragft.common.Hashes;
import dev.ragft.common.Progress;
import dev.ragft.common.RagftException;
import dev.ragft.common.RetriableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads pinned files (see the package description). A cut connection is resumed up to
 * {@code attempts} times in one call, and the partial file survives the call, so the next call
 * resumes too. Failures are one sentence: {@link RetriableException} for what may pass (5xx,
 * 429, a dropped connection), {@link RagftException} otherwise, with {@link Offline} when the
 * server cannot be reached at all.
 */
public final class Downloader {

  /** The server could not be reached (no network, unknown host, connection refused). */
  public static final class Offline extends RagftException {
    Offline(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final int BUFFER = 1 << 16;
  private final HttpClient client;
  private final Duration timeout;
  private final int attempts;

  /**
   * A downloader.
   *
   * @param client the HTTP client (it should follow redirects)
   * @param timeout the longest wait for the server to start answering, and for the next bytes
   *     while it sends
   * @param attempts requests per call, at least 1; later ones resume where the last stopped
   */
  public Downloader(HttpClient client, Duration timeout, int attempts) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, but is: " + attempts);
    }
    this.attempts = attempts;
  }

  /** A downloader with a client that follows redirects, 30 seconds to connect, 3 attempts. */
  public static Downloader standard() {
    return new Downloader(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30)).build(), Duration.ofSeconds(60), 3);
  }

  /** The partial file a download of {@code target} writes to. */
  public static Path partialFile(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  /**
   * Downloads {@code url} to {@code target} unless the target exists, and returns the target.
   *
   * @param size the exact size expected
   * @param sha256 the SHA-256 expected, lower-case hex
   * @param progress counts bytes as they arrive
   */
  public Path download(URI url, Path target, long size, String sha256, Progress progress) {
    if (Files.isRegularFile(target)) {
      return target;
    }
    Path partial = partialFile(target);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      long have = Files.isRegularFile(partial) ? Files.size(partial) : 0;
      if (have > size) {
        Files.delete(partial);
        have = 0;
      }
      progress.advance(have);
      for (int attempt = 1; have < size; attempt++) {
        try {
          have = fetch(url, partial, have, size, progress);
        } catch (RetriableException e) {
          if (attempt >= attempts) {
            throw e;
          }
          have = Files.isRegularFile(partial) ? Files.size(partial) : 0;
        }
      }
      String actual = Hashes.sha256(partial);
      if (!actual.equals(sha256)) {
        Files.deleteIfExists(partial);
        throw new RagftException("the download of " + url + " has SHA-256 " + actual
            + " instead of the pinned " + sha256 + "; the partial file was removed, try again");
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      progress.close(); // only a finished download draws its last line; a failure says why
      return target;
    } catch (IOException e) {
      throw new RagftException("cannot write " + partial + ": " + e.getMessage(), e);
    }
  }

  /** One request from byte {@code have} on; returns the bytes now in the partial file. */
  private long fetch(URI url, Path partial, long have, long size, Progress progress)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException
        | UnresolvedAddressException e) {
      throw new Offline("cannot reach " + url.getHost() + " (" + describe(e) + ")", e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnresolvedAddressException
          || e.getCause() instanceof UnknownHostException) {
        throw new Offline("cannot reach " + url.getHost() + " (" + describe(e) + ")", e);
      }
      throw new RetriableException("the download of " + url + " broke off: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RagftException("the download of " + url + " was interrupted", e);
    }
    int status = response.statusCode();
    try (InputStream body = response.body(); StallGuard guard = new StallGuard(body, timeout)) {
      boolean append = status == 206;
      if (status == 416 && have == size) {
        return have;
      }
      if (status != 200 && status != 206) {
        String problem = "the server answered HTTP " + status + " for " + url;
        if (status == 429 || status >= 500) {
          throw new RetriableException(problem, null);
        }
        throw new RagftException(problem + (status == 404 ? " (not found)" : ""));
      }
      if (!append && have > 0) {
        progress.advance(-have);
        have = 0;
      }
      try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND
              : StandardOpenOption.TRUNCATE_EXISTING)) {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = body.read(buffer)) > 0) {
          if (have + n > size) {
            out.close();
            Files.deleteIfExists(partial);
            throw new RagftException("the download of " + url + " is longer than the pinned "
                + size + " bytes; the partial file was removed");
          }
          out.write(buffer, 0, n);
          have += n;
          guard.progressed();
          progress.advance(n);
        }
      } catch (IOException e) {
        String why = guard.stalled() ? "no data for " + timeout.toSeconds() + " s" : describe(e);
        throw new RetriableException("the download of " + url + " broke off after " + have
            + " of " + size + " bytes: " + why, e);
      }
      if (guard.stalled()) {
        throw new RetriableException("the download of " + url + " broke off after " + have
            + " of " + size + " bytes: no data for " + timeout.toSeconds() + " s", null);
      }
      if (have < size) {
        throw new RetriableException("the download of " + url + " ended after " + have + " of "
            + size + " bytes", null);
      }
      return have;
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
