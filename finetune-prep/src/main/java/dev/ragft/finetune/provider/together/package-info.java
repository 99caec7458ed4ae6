/** Together AI fine-tuning (SFT and DPO, LoRA or full) over its documented REST API. */
package dev.ragft.finetune.provider.together;
