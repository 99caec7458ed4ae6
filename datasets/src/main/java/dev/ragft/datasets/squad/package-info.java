/**
 * SQuAD v1.1 and v2.0 reading-comprehension files: each paragraph becomes a corpus document
 * ({@link dev.ragft.datasets.squad.SquadParagraph}, id {@code <title>#<index>}) and each question
 * a knowledge failure case whose gold document is its paragraph. An unanswerable v2.0 question
 * becomes a case whose correct reply declines: it must refuse, and its plausible answers are
 * forbidden claims. Read with {@link dev.ragft.datasets.squad.SquadReader}.
 */
package dev.ragft.datasets.squad;
