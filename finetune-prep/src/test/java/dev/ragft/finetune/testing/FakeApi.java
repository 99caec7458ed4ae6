package dev.ragft.finetune.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragft.common.Json;
import dev.ragft.finetune.testing.LoopbackServer.Handler;
import dev.ragft.finetune.testing.LoopbackServer.Response;

/**
 * The common part of the fake provider APIs: bearer-key checks that answer 401 the way real
 * services do (echoing the key that was presented, the worst case for leaks), and JSON helpers.
 */
public abstract class FakeApi {

  /** The server the fake's routes live on. */
  protected final LoopbackServer server;
  private final String key;

  /** Creates a fake that accepts only {@code key}. */
  protected FakeApi(LoopbackServer server, String key) {
    this.server = server;
    this.key = key;
  }

  /** Adds a route that first checks the bearer key. */
  protected void route(String method, String pathRegex, Handler handler) {
    server.route(method, pathRegex, (request, path) -> {
      String presented = request.header("Authorization");
      if (!("Bearer " + key).equals(presented)) {
        return Response.json(401, object().set("error", object()
            .put("message", "Incorrect API key provided: " + presented)
            .put("code", "invalid_api_key")));
      }
      return handler.handle(request, path);
    });
  }

  /** The server these routes live on. */
  public LoopbackServer server() {
    return server;
  }

  /** A new JSON object. */
  protected static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }

  /** A new JSON array. */
  protected static ArrayNode array() {
    return Json.mapper().createArrayNode();
  }
}
