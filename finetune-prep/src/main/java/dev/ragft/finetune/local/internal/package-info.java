/**
 * The machinery of the local trainer, not API: the model description read from GGUF metadata, the
 * PyTorch (DJL) forward pass of Llama-family transformers with LoRA, AdamW, batching, checkpoints
 * and the safetensors format. {@link dev.ragft.finetune.local.LocalTrainer} is the way in.
 */
package dev.ragft.finetune.local.internal;
