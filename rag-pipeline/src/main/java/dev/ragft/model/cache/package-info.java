/**
 * A disk cache of chat responses, keyed by everything that decides an answer: the provider, the
 * model's identity (for a local model its file hash, adapters and template), the messages and
 * every request parameter. {@link dev.ragft.model.cache.CacheMode#REPLAY} turns the cache into a
 * record of a run that a rerun must match exactly: a request that was not recorded is an error
 * naming its key, so reruns are reproducible and offline.
 */
package dev.ragft.model.cache;
