package dev.ragft.finetune.job;

import dev.ragft.common.RagftException;

/**
 * A request for something a provider cannot do: a hyperparameter it does not accept, a training
 * method it does not offer, checkpoints it does not list. Raised before anything is recorded or
 * sent, so that nothing is silently ignored.
 */
public class UnsupportedFeatureException extends RagftException {

  /** Creates the exception with a one-sentence message naming the provider and the feature. */
  public UnsupportedFeatureException(String message) {
    super(message);
  }
}
