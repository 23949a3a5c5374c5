package org.agrisafe.risk.common;

import java.util.List;
import java.util.Objects;

/**
 * Results of a risk method together with the inputs it could not assess.
 *
 * @param results     assessed items, in the order the method documents (input order unless stated)
 * @param notAssessed inputs that were not assessed, each with its reason; empty when all were assessed
 * @param <T>         the result type
 */
public record Assessment<T>(List<T> results, List<NotAssessed> notAssessed) {
  public Assessment {
    results = List.copyOf(Objects.requireNonNull(results, "results"));
    notAssessed = List.copyOf(Objects.requireNonNull(notAssessed, "notAssessed"));
  }
}
