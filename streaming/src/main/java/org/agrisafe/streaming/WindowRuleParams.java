package org.agrisafe.streaming;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.agrisafe.risk.rates.BinomialExcess;

/**
 * Parameters of the window rules {@link StreamRules.Rule#PRODUCER_REPEAT} ({@link ProducerRepeatRule}) and
 * {@link StreamRules.Rule#RAPID_POSITIVE_RATE} ({@link RapidPositiveRateRule}); defaults in one place
 * ({@code *_DEFAULT}), validated in the constructor, settable from the command line ({@link #KEYS},
 * {@link #fromOptions}). Days are calendar days cut in the deployment's zone ({@link StreamConfig#zone()}).
 *
 * @param producerFailures PRODUCER_REPEAT fires when a producer has at least this many distinct failing samples in
 *     the window; key {@code producer-repeat-failures}, default {@value #PRODUCER_FAILURES_DEFAULT}, &ge; 2
 * @param producerWindowDays length of the PRODUCER_REPEAT window (days, ending on the evaluated day inclusive); key
 *     {@code producer-repeat-window-days}, default {@value #PRODUCER_WINDOW_DAYS_DEFAULT}, &ge; 1
 * @param rapidWindowDays length of the RAPID_POSITIVE_RATE window, sliding by one day; key
 *     {@code rapid-rate-window-days}, default {@value #RAPID_WINDOW_DAYS_DEFAULT}, &ge; 1
 * @param rapidBaselineDays length of the baseline: the days right before the window, same key; key
 *     {@code rapid-rate-baseline-days}, default {@value #RAPID_BASELINE_DAYS_DEFAULT}, &ge; 1
 * @param rapidMinTests the window needs at least this many rapid tests to be judged; key
 *     {@code rapid-rate-min-tests}, default {@value #RAPID_MIN_TESTS_DEFAULT}, &ge; 1
 * @param rapidAlpha fire when the one-sided exact binomial p-value is below this; key {@code rapid-rate-alpha},
 *     default {@value #RAPID_ALPHA_DEFAULT}, in (0, 1)
 * @param rapidPriorPositives pseudo-positives of the baseline prior; key {@code rapid-rate-prior-positives},
 *     default ½ (Jeffreys, {@link BinomialExcess#PRIOR_POSITIVES_DEFAULT}), &gt; 0
 * @param rapidPriorNegatives pseudo-negatives of the baseline prior; key {@code rapid-rate-prior-negatives},
 *     default ½ (Jeffreys, {@link BinomialExcess#PRIOR_NEGATIVES_DEFAULT}), &gt; 0
 */
public record WindowRuleParams(int producerFailures, int producerWindowDays, int rapidWindowDays,
    int rapidBaselineDays, int rapidMinTests, double rapidAlpha, double rapidPriorPositives,
    double rapidPriorNegatives) implements Serializable {

  public static final int PRODUCER_FAILURES_DEFAULT = 3;
  public static final int PRODUCER_WINDOW_DAYS_DEFAULT = 30;
  public static final int RAPID_WINDOW_DAYS_DEFAULT = 7;
  public static final int RAPID_BASELINE_DAYS_DEFAULT = 28;
  public static final int RAPID_MIN_TESTS_DEFAULT = 20;
  public static final double RAPID_ALPHA_DEFAULT = 0.001;
  /** Upper bound of every day count: a window longer than a year is a typo, not a configuration. */
  public static final int MAX_DAYS = 366;

  public static final String PRODUCER_FAILURES = "producer-repeat-failures";
  public static final String PRODUCER_WINDOW_DAYS = "producer-repeat-window-days";
  public static final String RAPID_WINDOW_DAYS = "rapid-rate-window-days";
  public static final String RAPID_BASELINE_DAYS = "rapid-rate-baseline-days";
  public static final String RAPID_MIN_TESTS = "rapid-rate-min-tests";
  public static final String RAPID_ALPHA = "rapid-rate-alpha";
  public static final String RAPID_PRIOR_POSITIVES = "rapid-rate-prior-positives";
  public static final String RAPID_PRIOR_NEGATIVES = "rapid-rate-prior-negatives";
  /** The command-line keys ({@code --key value}). */
  public static final List<String> KEYS = List.of(PRODUCER_FAILURES, PRODUCER_WINDOW_DAYS, RAPID_WINDOW_DAYS,
      RAPID_BASELINE_DAYS, RAPID_MIN_TESTS, RAPID_ALPHA, RAPID_PRIOR_POSITIVES, RAPID_PRIOR_NEGATIVES);

  /** @throws IllegalArgumentException naming the key, the value and what was expected */
  public WindowRuleParams {
    range(PRODUCER_FAILURES, producerFailures, 2, Integer.MAX_VALUE);
    range(PRODUCER_WINDOW_DAYS, producerWindowDays, 1, MAX_DAYS);
    range(RAPID_WINDOW_DAYS, rapidWindowDays, 1, MAX_DAYS);
    range(RAPID_BASELINE_DAYS, rapidBaselineDays, 1, MAX_DAYS);
    range(RAPID_MIN_TESTS, rapidMinTests, 1, Integer.MAX_VALUE);
    if (!(rapidAlpha > 0 && rapidAlpha < 1)) {
      throw new IllegalArgumentException("Invalid " + RAPID_ALPHA + " " + rapidAlpha
          + ": expected a probability in (0, 1)");
    }
    BinomialExcess.checkPrior(RAPID_PRIOR_POSITIVES, rapidPriorPositives);
    BinomialExcess.checkPrior(RAPID_PRIOR_NEGATIVES, rapidPriorNegatives);
  }

  private static void range(String key, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException("Invalid " + key + " " + v + ": expected an integer in [" + min + ", "
          + max + "]");
    }
  }

  /** All defaults. */
  public static WindowRuleParams defaults() {
    return new WindowRuleParams(PRODUCER_FAILURES_DEFAULT, PRODUCER_WINDOW_DAYS_DEFAULT, RAPID_WINDOW_DAYS_DEFAULT,
        RAPID_BASELINE_DAYS_DEFAULT, RAPID_MIN_TESTS_DEFAULT, RAPID_ALPHA_DEFAULT,
        BinomialExcess.PRIOR_POSITIVES_DEFAULT, BinomialExcess.PRIOR_NEGATIVES_DEFAULT);
  }

  /**
   * The parameters from command-line options: a key of {@link #KEYS} overrides its default; other keys are not
   * looked at (the caller rejects unknown keys).
   *
   * @throws IllegalArgumentException if a value is not a number, naming key and value, or is out of range
   */
  public static WindowRuleParams fromOptions(Map<String, String> options) {
    return new WindowRuleParams(
        integer(options, PRODUCER_FAILURES, PRODUCER_FAILURES_DEFAULT),
        integer(options, PRODUCER_WINDOW_DAYS, PRODUCER_WINDOW_DAYS_DEFAULT),
        integer(options, RAPID_WINDOW_DAYS, RAPID_WINDOW_DAYS_DEFAULT),
        integer(options, RAPID_BASELINE_DAYS, RAPID_BASELINE_DAYS_DEFAULT),
        integer(options, RAPID_MIN_TESTS, RAPID_MIN_TESTS_DEFAULT),
        decimal(options, RAPID_ALPHA, RAPID_ALPHA_DEFAULT),
        decimal(options, RAPID_PRIOR_POSITIVES, BinomialExcess.PRIOR_POSITIVES_DEFAULT),
        decimal(options, RAPID_PRIOR_NEGATIVES, BinomialExcess.PRIOR_NEGATIVES_DEFAULT));
  }

  private static int integer(Map<String, String> o, String key, int dflt) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cannot parse --" + key + " '" + v + "': expected an integer", e);
    }
  }

  private static double decimal(Map<String, String> o, String key, double dflt) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cannot parse --" + key + " '" + v + "': expected a number", e);
    }
  }

  /** The PRODUCER_REPEAT parameters as JSON (column {@code method_parameters}). */
  public String producerJson(String zone) {
    return "{\"failures\":" + producerFailures + ",\"window_days\":" + producerWindowDays + ",\"zone\":\"" + zone
        + "\"}";
  }

  /** The RAPID_POSITIVE_RATE parameters as JSON (column {@code method_parameters}). */
  public String rapidJson(String zone) {
    return "{\"window_days\":" + rapidWindowDays + ",\"slide_days\":1,\"baseline_days\":" + rapidBaselineDays
        + ",\"min_tests\":" + rapidMinTests + ",\"alpha\":" + rapidAlpha + ",\"prior_positives\":"
        + rapidPriorPositives + ",\"prior_negatives\":" + rapidPriorNegatives + ",\"zone\":\"" + zone + "\"}";
  }
}
