/**
 * The small core every ragft module shares: the project's one unchecked exception hierarchy
 * ({@link dev.ragft.common.RagftException}, split into retriable and non-retriable failures, with
 * {@link dev.ragft.common.InputException} for bad input that names its file, line and field),
 * streaming JSON Lines reading that reports bad lines instead of losing a run, hashing, JSON
 * settings that give byte-stable output, and a progress reporter for long work.
 */
package dev.ragft.common;
