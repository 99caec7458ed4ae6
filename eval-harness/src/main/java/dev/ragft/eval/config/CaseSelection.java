package dev.ragft.eval.config;

import dev.ragft.datasets.cases.Category;
import java.util.List;

/**
 * Which failure cases a run asks: a bundled scenario's or those of case files, kept when they
 * apply to {@code version} and pass the optional filters, in id order, at most {@code limit}.
 *
 * @param scenario a bundled scenario whose cases to use; or null
 * @param files case files (YAML, JSON Lines, CSV); or empty
 * @param version keep the cases that apply to this corpus version; null: the corpus's version,
 *     or every case when there is no corpus
 * @param categories keep these categories: knowledge, behaviour, hybrid, control (empty: all)
 * @param ids keep these case ids (empty: all)
 * @param limit keep at most this many (after the other filters, in id order); null: all
 */
public record CaseSelection(String scenario, List<String> files, String version,
    List<String> categories, List<String> ids, Integer limit) {

  /** Applies the defaults and validates. */
  public CaseSelection {
    files = files == null ? List.of() : List.copyOf(files);
    categories = categories == null ? List.of() : List.copyOf(categories);
    ids = ids == null ? List.of() : List.copyOf(ids);
    if ((scenario == null) == files.isEmpty()) {
      throw new IllegalArgumentException("give either scenario or files, not "
          + (scenario == null ? "neither" : "both"));
    }
    for (String category : categories) {
      if (Category.fromWireName(category).isEmpty()) {
        throw new IllegalArgumentException("categories must be knowledge, behaviour, hybrid or"
            + " control, but one is: " + category);
      }
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, but is: " + limit);
    }
  }

  /** The categories kept (empty: all). */
  public List<Category> categoryValues() {
    return categories.stream().map(name -> Category.fromWireName(name).orElseThrow()).toList();
  }
}
