package dev.kubereplay.server.cluster.kube;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/** Kubernetes quantities ({@code 250m}, {@code 512Mi}) as numbers. */
public final class Quantities {

  private Quantities() {}

  /** CPU in millicores; 0 for null or unparsable. */
  public static long cpuMillis(Quantity quantity) {
    return scaled(quantity, BigDecimal.valueOf(1000));
  }

  /** Memory in bytes; 0 for null or unparsable. */
  public static long bytes(Quantity quantity) {
    return scaled(quantity, BigDecimal.ONE);
  }

  private static long scaled(Quantity quantity, BigDecimal factor) {
    if (quantity == null) {
      return 0;
    }
    try {
      return Quantity.getAmountInBytes(quantity)
          .multiply(factor)
          .setScale(0, java.math.RoundingMode.CEILING)
          .longValueExact();
    } catch (ArithmeticException | IllegalArgumentException e) {
      return 0;
    }
  }
}
