package dev.ragft.eval.run;

import dev.ragft.eval.config.EvalConfigReader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run for {@link ResumeAfterKillIT} to kill: runs the configuration {@code args[0]} in the
 * folder {@code args[1]}; once {@code args[2]} samples are in the journal, prints {@code READY}
 * and holds the worker that recorded the last of them until the process is killed.
 */
public final class StoppingRunMain {

  private StoppingRunMain() {
  }

  /** Runs until killed. */
  public static void main(String[] args) throws Exception {
    int stopAfter = Integer.parseInt(args[2]);
    AtomicInteger recorded = new AtomicInteger();
    CountDownLatch never = new CountDownLatch(1);
    RunEnvironment environment = RunEnvironment.of(ProgressFactory.silent())
        .withListener((key, sample) -> {
          if (recorded.incrementAndGet() == stopAfter) {
            System.out.println("READY");
            System.out.flush();
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    new EvalRunner(environment).run(EvalConfigReader.read(Path.of(args[0])), Path.of(args[1]));
    System.out.println("FINISHED");
    System.exit(0);
  }
}
