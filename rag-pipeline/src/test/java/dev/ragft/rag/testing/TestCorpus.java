package dev.ragft.rag.testing;

import dev.ragft.rag.load.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small corpus written for the tests: distinct topics, two sources, two versions. */
public final class TestCorpus {

  private static final String[][] DOCS = {
      {"refunds", "Refund policy", "Annual plans can be refunded within 30 days of purchase. "
          + "Monthly plans are not refundable, but you can cancel at any time."},
      {"retention", "Data retention", "Workspace data is kept for 90 days after an account is "
          + "closed, then deleted permanently from all backups."},
      {"sso", "Single sign-on", "Enterprise workspaces can sign in with SAML single sign-on. "
          + "Configure the identity provider under Settings, Security."},
      {"pricing", "Plans and pricing", "The Team plan costs 12 euros per user per month. The "
          + "Enterprise plan is priced on request and includes audit logs."},
      {"export", "Exporting data", "Any admin can export all workspace data as a ZIP of JSON "
          + "files from the Administration page."},
      {"limits", "Rate limits", "The public API accepts 600 requests per minute per token; "
          + "bursts above that receive HTTP 429 with a Retry-After header."},
      {"outage", "Outage runbook", "During an outage, post on the status page within 15 minutes "
          + "and page the on-call engineer through the incident channel."},
      {"gardening", "Growing tomatoes", "Tomatoes need six hours of sun, regular watering and "
          + "support stakes once the plants reach knee height."},
      {"baking", "Sourdough bread", "A sourdough starter is fed flour and water daily; the dough "
          + "rises slowly overnight in a cool kitchen."},
      {"astronomy", "The Moon", "The Moon orbits the Earth every 27 days and always shows the "
          + "same face because of tidal locking."},
      {"chess", "Opening principles", "In chess openings, control the centre, develop knights "
          + "before bishops and castle early to protect the king."},
      {"cycling", "Bicycle maintenance", "Clean and oil the chain every few hundred kilometres "
          + "and check tyre pressure before each ride."},
  };

  private TestCorpus() {
  }

  /** The documents, version {@code v1}; sources alternate between two folders. */
  public static List<Document> documents() {
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < DOCS.length; i++) {
      String source = (i % 2 == 0 ? "docs/" : "kb/") + DOCS[i][0] + ".md";
      documents.add(Document.of(DOCS[i][0], source, "v1", DOCS[i][1], DOCS[i][2],
          Map.of("topic", i < 7 ? "product" : "other")));
    }
    return documents;
  }

  /** One document of the corpus in another version with other text. */
  public static Document revised(String id, String version, String text) {
    Document old = documents().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    return Document.of(id, old.source(), version, old.title(), text, old.metadata());
  }
}
