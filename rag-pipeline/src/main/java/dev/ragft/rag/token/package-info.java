/**
 * Tokens as the embedding model sees them: a {@link dev.ragft.rag.token.Tokenizer} turns text into
 * {@link dev.ragft.rag.token.TokenSpans}, the character span of every token, so that chunk sizes,
 * overlaps, embedding truncation and context budgets are all measured in the model's own tokens
 * and every cut falls on a token boundary. {@link dev.ragft.rag.token.HfTokenizer} runs the
 * HuggingFace {@code tokenizer.json} that ships inside each LangChain4j embedding jar.
 */
package dev.ragft.rag.token;
