/**
 * An OpenAI-compatible HTTP server for a local model: {@code GET /v1/models} and
 * {@code POST /v1/chat/completions}, answered whole or streamed as server-sent events
 * ({@code data:} chunks ending with {@code data: [DONE]}), with token usage. It binds to loopback
 * unless told otherwise, so any OpenAI client (including ragft's own {@code openai-compatible}
 * provider) can use a GGUF model and its LoRA adapter. Unsupported request fields (tools, images,
 * log probabilities, several choices) are refused with HTTP 400 and a message naming them.
 */
package dev.ragft.model.serve;
