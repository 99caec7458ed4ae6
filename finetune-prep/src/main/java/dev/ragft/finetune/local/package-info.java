/**
 * Local LoRA fine-tuning on the CPU: {@link dev.ragft.finetune.local.LocalTrainer} loads a GGUF
 * Llama-family model (llama, qwen2) into PyTorch through DJL, trains LoRA matrices on the attention
 * (and optionally MLP) projections with the loss on assistant tokens only, checkpoints and
 * resumes, and writes the adapter for llama.cpp (GGUF) and for PEFT users (safetensors).
 *
 * <p>Training text is rendered by a pluggable {@link dev.ragft.finetune.local.PromptFormat} (the
 * GGUF's chat template, or {@link dev.ragft.finetune.local.PlainPromptFormat} for models without
 * one) and tokenized by llama.cpp itself ({@link dev.ragft.finetune.local.LlamaCppTokenizer}), so
 * the model is trained on exactly the tokens inference will feed it.
 *
 * <pre>{@code
 * LocalTrainingConfig config = LocalTrainingConfig.builder(model, out).steps(200).build();
 * TrainingResult result = new LocalTrainer(config).train(conversations, TrainingListener.none());
 * // result.ggufAdapter() loads into llama.cpp with --lora
 * }</pre>
 */
package dev.ragft.finetune.local;
