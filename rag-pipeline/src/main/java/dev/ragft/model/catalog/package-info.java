/**
 * The model manager: a bundled catalogue of pinned models ({@code models.yaml}: URL, size,
 * SHA-256, licence), and a store in the user cache that downloads a catalogue model on first use,
 * verifies it, and resolves what a user names (a catalogue id or any local GGUF path) to a file.
 * The smallest entry, {@code stories260k}, is a smoke model: it proves that a pipeline runs, and
 * its answers mean nothing; everything that lists or loads it says so.
 */
package dev.ragft.model.catalog;
