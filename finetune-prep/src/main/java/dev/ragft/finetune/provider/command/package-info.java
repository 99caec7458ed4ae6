/**
 * External trainers (TRL, Axolotl, Unsloth, scripts) started as child processes from a command
 * template, their logs captured and their exit codes and adapters recorded in the job's folder.
 */
package dev.ragft.finetune.provider.command;
