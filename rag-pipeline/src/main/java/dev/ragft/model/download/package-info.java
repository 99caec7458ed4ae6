/**
 * Downloads a pinned file over HTTP(S) the careful way: into a partial file next to the target,
 * resuming with an HTTP {@code Range} request after a cut connection, checking the size and
 * SHA-256 at the end (a mismatch removes the partial file), and moving the result into place
 * atomically, so the target is either absent or complete and verified.
 */
package dev.ragft.model.download;
