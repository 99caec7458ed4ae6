/**
 * Second-stage ranking of retrieved chunks. A {@link dev.ragft.rag.rerank.Reranker} takes the
 * candidates of a first-stage retriever and reorders them: cross-encoders that read query and
 * passage together ({@link dev.ragft.rag.rerank.ScoringModelPairScorer}: ONNX cross-encoders
 * in-process through LangChain4j's ONNX scoring model, or any LangChain4j scoring model;
 * {@link dev.ragft.rag.rerank.LlamaCppCrossEncoder} for GGUF rerankers through llama.cpp), a
 * LangChain4j chat model asked to grade relevance ({@link dev.ragft.rag.rerank.LlmReranker}), an
 * ensemble of bi-encoders that re-scores candidates with models the index does not hold
 * ({@link dev.ragft.rag.rerank.BiEncoderEnsembleReranker}), and maximal marginal relevance for
 * diversity ({@link dev.ragft.rag.rerank.MmrReranker}).
 * {@link dev.ragft.rag.rerank.RerankingRetriever} puts a reranker behind any retriever.
 */
package dev.ragft.rag.rerank;
