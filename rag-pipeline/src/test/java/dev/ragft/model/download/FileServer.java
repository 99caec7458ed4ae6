package dev.ragft.model.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A real HTTP/1.1 server on loopback that serves one file with {@code Range} support. It works
 * on plain sockets so that it can do what a flaky network does: close the connection in the
 * middle of an answer, or stop sending and keep the connection open.
 */
final class FileServer implements AutoCloseable {

  private final ServerSocket socket;
  private final byte[] content;
  private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;
  private volatile int cutFirstAnswerAfter = -1;
  private volatile boolean stallInsteadOfCut;

  FileServer(byte[] content) throws IOException {
    this.content = content;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().name("file-server").start(this::accept);
  }

  /** The URL of the served file. */
  URI url() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/models/model.gguf");
  }

  /** A URL on this server that answers 404. */
  URI missing() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/models/none.gguf");
  }

  /** Makes the first answer close the connection after {@code bytes} bytes of the body. */
  void cutFirstAnswerAfter(int bytes) {
    cutFirstAnswerAfter = bytes;
  }

  /** Makes the first answer stop sending after {@code bytes} bytes, leaving the line open. */
  void stallFirstAnswerAfter(int bytes) {
    stallInsteadOfCut = true;
    cutFirstAnswerAfter = bytes;
  }

  /** The Range header of every request, "-" where there was none. */
  List<String> ranges() {
    return List.copyOf(ranges);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread.ofVirtual().start(() -> serve(connection));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
          StandardCharsets.ISO_8859_1));
      String path = in.readLine().split(" ")[1];
      String range = null;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.regionMatches(true, 0, "Range:", 0, 6)) {
          range = line.substring(6).strip();
        }
      }
      OutputStream out = connection.getOutputStream();
      if (!path.equals("/models/model.gguf")) {
        out.write(("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        return;
      }
      ranges.add(range == null ? "-" : range);
      int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
      int length = content.length - from;
      String head = (range == null ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 206 Partial Content\r\n"
          + "Content-Range: bytes " + from + "-" + (content.length - 1) + "/" + content.length
          + "\r\n") + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      int cut = cutFirstAnswerAfter;
      cutFirstAnswerAfter = -1;
      out.write(content, from, cut >= 0 ? Math.min(cut, length) : length);
      out.flush();
      if (cut >= 0 && stallInsteadOfCut) {
        stallInsteadOfCut = false;
        in.read(); // the client gives up and closes the connection, which ends this read
      } else if (cut >= 0) {
        // A clean cut: end the stream after the bytes sent, then wait for the client to close.
        // Closing with unread input would reset the connection and drop bytes in flight, so the
        // client would see fewer than were sent.
        connection.shutdownOutput();
        connection.setSoTimeout(10_000);
        while (in.read() >= 0) {
          // drain until the client closes its side
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to do
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }
}
