/**
 * Training examples generated from corpus chunks by a teacher model (any LangChain4j
 * {@code ChatModel}): {@link dev.ragft.finetune.teacher.TeacherPrompts} builds the prompt asking
 * for question/answer pairs over a {@link dev.ragft.finetune.teacher.TeacherChunk}, {@link
 * dev.ragft.finetune.teacher.TeacherGenerator} asks the model and caches each raw output in a JSON
 * Lines file (so a build is reproducible and a crash loses nothing), {@link
 * dev.ragft.finetune.teacher.TeacherOutputParser} turns an output into pairs, and {@link
 * dev.ragft.finetune.teacher.RetrievalAwarePrompt} puts the right chunk among seeded-random
 * distractor chunks so a model learns to use retrieved context.
 */
package dev.ragft.finetune.teacher;
