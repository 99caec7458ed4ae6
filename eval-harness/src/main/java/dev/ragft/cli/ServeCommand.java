package dev.ragft.cli;

import dev.ragft.model.cache.CacheMode;
import dev.ragft.model.provider.ChatModelConfig;
import dev.ragft.model.provider.Provider;
import dev.ragft.model.serve.ServeConfig;
import dev.ragft.model.serve.Serving;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ragft serve}: serves a local GGUF model (with its LoRA adapter) over OpenAI's HTTP API
 * until the process is stopped. Prints the base URL once listening.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve a local model over an OpenAI-compatible HTTP API",
        "(/v1/models, /v1/chat/completions, streaming), on loopback unless --host says otherwise."})
public final class ServeCommand implements Callable<Integer> {

  /** Blocks until the server should stop. */
  @FunctionalInterface
  interface StopSignal {
    void await() throws InterruptedException;
  }

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions model;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "The port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "4",
      description = "Threads that serve requests (default: ${DEFAULT-VALUE}).")
  int workers;

  private final StopSignal stop;

  /** A command that serves until the JVM shuts down. */
  public ServeCommand() {
    this(() -> new CountDownLatch(1).await());
  }

  ServeCommand(StopSignal stop) {
    this.stop = stop;
  }

  @Override
  public Integer call() throws InterruptedException {
    ServeConfig serve;
    try {
      serve = new ServeConfig(host, port, workers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ChatModelConfig config = model.toConfig(CacheMode.OFF);
    if (config.provider() != Provider.LLAMACPP) {
      throw new ParameterException(spec.commandLine(), "serve runs a local model, so the"
          + " provider must be llamacpp, but is: " + config.provider().id());
    }
    PrintWriter out = spec.commandLine().getOut();
    Serving serving = Serving.start(config, serve);
    Thread hook = Thread.ofPlatform().name("ragft-serve-shutdown").unstarted(serving::close);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("serving " + serving.model().description());
      out.println("at " + serving.server().baseUrl() + " (model id '" + serving.model().name()
          + "'); stop with Ctrl-C");
      out.flush();
      stop.await();
      return ExitCodes.OK;
    } finally {
      Runtime.getRuntime().removeShutdownHook(hook);
      serving.close();
    }
  }
}
