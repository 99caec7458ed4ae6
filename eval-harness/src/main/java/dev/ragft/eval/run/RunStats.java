package dev.ragft.eval.run;

/**
 * What a run (or a resumed run) did.
 *
 * @param planned the samples of the whole run: cases times setups times samples
 * @param fromJournal the samples an earlier attempt had already finished
 * @param sampled the samples made by this attempt
 * @param modelCalls the calls that reached a model (answers and judge; cache hits excluded)
 * @param cacheHits the samples whose answer came from the response cache
 */
public record RunStats(int planned, int fromJournal, int sampled, long modelCalls,
    int cacheHits) {
}
