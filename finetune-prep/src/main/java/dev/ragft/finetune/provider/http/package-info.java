/**
 * The HTTP plumbing the remote providers share: {@link dev.ragft.finetune.provider.http.JsonHttp}
 * (JSON over the JDK's {@code HttpClient}, with retries, backoff and one-sentence errors),
 * {@link dev.ragft.finetune.provider.http.Multipart} uploads, and
 * {@link dev.ragft.finetune.provider.http.ApiKey}, which keeps API keys out of every message.
 */
package dev.ragft.finetune.provider.http;
