/**
 * The retrieval pipeline assembled from configuration: {@link dev.ragft.rag.pipeline.IndexBuild}
 * loads, chunks, embeds and indexes a corpus as an {@link dev.ragft.rag.pipeline.IndexBuildConfig}
 * says; {@link dev.ragft.rag.pipeline.RetrievalPipeline} opens an index with the retriever, fusion
 * and reranking a {@link dev.ragft.rag.pipeline.RetrievalConfig} describes. Commands and the
 * evaluation harness build these records and call these classes; nothing here reads options.
 */
package dev.ragft.rag.pipeline;
