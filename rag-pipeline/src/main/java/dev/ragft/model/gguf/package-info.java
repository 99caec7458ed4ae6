/**
 * GGUF files, the format llama.cpp loads models and LoRA adapters from: {@link
 * dev.ragft.model.gguf.GgufFile} reads the header, the metadata, the tensor table and (memory-mapped)
 * the tensor data of versions 2 and 3, and dequantizes F32, F16, BF16, Q8_0, Q4_0, Q4_K and Q6_K
 * tensors to floats; {@link dev.ragft.model.gguf.GgufWriter} writes new files byte-for-byte deterministically;
 * {@link dev.ragft.model.gguf.GgufLoraAdapter} reads a LoRA adapter and checks it against the base
 * model it is meant for. A file that is truncated, corrupt, of another version or of a tensor type
 * that cannot be read fails with one {@link dev.ragft.common.InputException} sentence naming the file.
 */
package dev.ragft.model.gguf;
