package dev.ragft.rag.retrieve;

import dev.ragft.rag.index.Fields;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Restricts retrieval to chunks whose fields have given values: a chunk passes when, for every
 * field named, its value is one of the values listed. Fields are {@code source}, {@code version}
 * or {@code meta.<key>} for chunk metadata.
 *
 * @param terms field name to the values allowed, copied and sorted
 */
public record Filter(Map<String, List<String>> terms) {

  /** The filter that lets everything through. */
  public static final Filter NONE = new Filter(Map.of());

  /** Validates and copies the components. */
  public Filter {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    terms.forEach((field, values) -> {
      if (!field.equals(Fields.SOURCE) && !field.equals(Fields.VERSION) && !field.equals(Fields.DOC_ID)
          && !field.startsWith(Fields.META_PREFIX)) {
        throw new IllegalArgumentException("filter field must be source, version, doc_id or "
            + "meta.<key>, but is: " + field);
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("filter field " + field + " needs at least one value");
      }
      copy.put(field, List.copyOf(values));
    });
    terms = Collections.unmodifiableMap(copy);
  }

  /** A filter on one field. */
  public static Filter of(String field, String... values) {
    return new Filter(Map.of(field, List.of(values)));
  }

  /** This filter and another, both required. */
  public Filter and(Filter other) {
    TreeMap<String, List<String>> merged = new TreeMap<>(terms);
    other.terms.forEach((field, values) -> merged.merge(field, values, (a, b) ->
        a.stream().filter(b::contains).toList()));
    return new Filter(merged);
  }

  /** Whether the filter lets everything through. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The Lucene query that matches exactly the chunks that pass, or null for {@link #NONE}. */
  public Query toQuery() {
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    terms.forEach((field, values) -> {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String value : values) {
        any.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.SHOULD);
      }
      all.add(any.build(), BooleanClause.Occur.FILTER);
    });
    return all.build();
  }
}
