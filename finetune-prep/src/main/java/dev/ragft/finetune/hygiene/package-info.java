/**
 * Training-data hygiene: {@link dev.ragft.finetune.hygiene.Deduplicator} removes exact duplicates
 * (after normalisation) and near duplicates (word shingles, {@link
 * dev.ragft.finetune.hygiene.MinHash} signatures with seeded hash functions, banded locality
 * sensitive hashing, then the exact Jaccard similarity), reporting each removal and why; {@link
 * dev.ragft.finetune.hygiene.StratifiedSplitter} makes a seeded train/validation split stratified
 * by label; {@link dev.ragft.finetune.hygiene.PiiScanner} finds e-mail addresses, phone numbers,
 * card numbers (Luhn-checked) and API keys or secrets, and redacts or flags them.
 */
package dev.ragft.finetune.hygiene;
