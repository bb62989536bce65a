package io.gatescope.core.train;

import io.gatescope.core.Messages;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/** The optimizers on offer, all ND4J's own updaters. */
public enum OptimizerKind {
  ADAM,
  SGD,
  MOMENTUM,
  RMSPROP;

  /** The ND4J updater for a learning rate, or a schedule when not null. */
  public IUpdater updater(double lr, ISchedule schedule) {
    return switch (this) {
      case ADAM -> schedule == null ? new Adam(lr) : new Adam(schedule);
      case SGD -> schedule == null ? new Sgd(lr) : new Sgd(schedule);
      case MOMENTUM -> schedule == null ? new Nesterovs(lr, 0.9) : new Nesterovs(schedule, 0.9);
      case RMSPROP -> schedule == null ? new RmsProp(lr) : new RmsProp(schedule);
    };
  }

  public static OptimizerKind parse(String s) {
    for (OptimizerKind k : values()) {
      if (k.name().equalsIgnoreCase(s.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(Messages.get("config.optimizer", s));
  }
}
