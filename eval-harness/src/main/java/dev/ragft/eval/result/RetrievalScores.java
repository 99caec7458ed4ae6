package dev.ragft.eval.result;

/**
 * How well retrieval did for one case, against its gold documents.
 *
 * @param k the cutoff
 * @param hit 1 when a gold document is in the top k, else 0
 * @param reciprocalRank 1 / rank of the first gold document within k, else 0
 * @param ndcg nDCG@k with binary gains
 */
public record RetrievalScores(int k, double hit, double reciprocalRank, double ndcg) {
}
