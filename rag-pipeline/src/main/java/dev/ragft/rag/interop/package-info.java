/**
 * Bridges to LangChain4j: any ragft {@link dev.ragft.rag.retrieve.Retriever} can serve as a
 * LangChain4j {@code ContentRetriever}, so ragft's hybrid retrieval drops into an existing
 * LangChain4j RAG pipeline ({@code RetrievalAugmentor}, AI services).
 */
package dev.ragft.rag.interop;
