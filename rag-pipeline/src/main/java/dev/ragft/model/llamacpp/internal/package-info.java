/**
 * Internals of the llama.cpp binding that are not API: loading the native library into the user
 * cache, the few header checks ragft makes before handing a file to llama.cpp, and the diagnosis
 * that turns a failed load into one sentence (by loading the file again in a child process with
 * llama.cpp's log switched on).
 */
package dev.ragft.model.llamacpp.internal;
