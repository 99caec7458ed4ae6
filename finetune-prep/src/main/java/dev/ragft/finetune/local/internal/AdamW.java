package dev.ragft.finetune.local.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter) with decoupled weight decay and optional clipping of the global
 * gradient norm, updating parameters in place. Its moments can be saved and restored, so that a
 * resumed run continues exactly where it stopped.
 */
public final class AdamW implements AutoCloseable {

  private final List<NDArray> parameters;
  private final List<NDArray> first = new ArrayList<>();
  private final List<NDArray> second = new ArrayList<>();
  private final NDManager manager;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final double maxGradNorm;

  /** Creates an optimizer for {@code parameters} with zero moments. */
  public AdamW(List<NDArray> parameters, NDManager parent, double beta1, double beta2,
      double epsilon, double weightDecay, double maxGradNorm) {
    this.parameters = List.copyOf(parameters);
    this.manager = parent.newSubManager();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
    this.maxGradNorm = maxGradNorm;
    for (NDArray parameter : parameters) {
      first.add(manager.zeros(parameter.getShape()));
      second.add(manager.zeros(parameter.getShape()));
    }
  }

  /**
   * Applies update number {@code step} (1-based) with learning rate {@code lr} from the gradients
   * accumulated on the parameters, then zeroes those gradients.
   *
   * @return the global gradient norm before clipping
   */
  public double step(int step, double lr, NDManager scratch) {
    List<NDArray> grads = new ArrayList<>();
    double squares = 0;
    for (NDArray parameter : parameters) {
      NDArray grad = parameter.getGradient();
      grad.attach(scratch);
      grads.add(grad);
      squares += grad.square().sum().getFloat();
    }
    double norm = Math.sqrt(squares);
    double clip = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / (norm + 1e-6) : 1.0;
    double correction1 = 1 - Math.pow(beta1, step);
    double correction2 = 1 - Math.pow(beta2, step);
    for (int i = 0; i < parameters.size(); i++) {
      NDArray parameter = parameters.get(i);
      NDArray grad = grads.get(i).mul(clip);
      first.get(i).muli(beta1).addi(grad.mul(1 - beta1));
      second.get(i).muli(beta2).addi(grad.square().mul(1 - beta2));
      NDArray firstHat = scratch(first.get(i).div(correction1), scratch);
      NDArray secondHat = scratch(second.get(i).div(correction2), scratch);
      NDArray update = firstHat.div(secondHat.sqrt().add(epsilon));
      if (weightDecay > 0) {
        update = update.add(scratch(parameter.mul(weightDecay), scratch));
      }
      parameter.subi(update.mul(lr));
      grads.get(i).muli(0);
    }
    return norm;
  }

  private static NDArray scratch(NDArray array, NDManager scratch) {
    array.attach(scratch);
    return array;
  }

  /** The first moments, in parameter order. */
  public List<NDArray> firstMoments() {
    return List.copyOf(first);
  }

  /** The second moments, in parameter order. */
  public List<NDArray> secondMoments() {
    return List.copyOf(second);
  }

  /** Replaces the moments of parameter {@code index} with saved values. */
  public void restore(int index, float[] firstMoment, float[] secondMoment) {
    first.get(index).set(firstMoment);
    second.get(index).set(secondMoment);
  }

  @Override
  public void close() {
    manager.close();
  }
}
