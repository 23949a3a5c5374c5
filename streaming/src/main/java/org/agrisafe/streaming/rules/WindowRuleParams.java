package org.agrisafe.streaming.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrisafe.risk.rates.BinomialExcess;
import org.agrisafe.streaming.cli.StreamCli;
import org.agrisafe.streaming.cli.StreamingMain;
import org.agrisafe.streaming.job.StreamConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Parameters of the window rules {@link StreamRules.Rule#PRODUCER_REPEAT} ({@link ProducerRepeatRule}) and
 * {@link StreamRules.Rule#RAPID_POSITIVE_RATE} ({@link RapidPositiveRateRule}); defaults in one place
 * ({@code *_DEFAULT}), validated in the constructor, settable from the command line ({@link #KEYS},
 * {@link Options}, {@link #fromOptions}). Days are calendar days cut in the deployment's zone
 * ({@link StreamConfig#zone()}).
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
public record WindowRuleParams(
    int producerFailures,
    int producerWindowDays,
    int rapidWindowDays,
    int rapidBaselineDays,
    int rapidMinTests,
    double rapidAlpha,
    double rapidPriorPositives,
    double rapidPriorNegatives)
    implements Serializable {

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
  public static final List<String> KEYS =
      List.of(
          PRODUCER_FAILURES,
          PRODUCER_WINDOW_DAYS,
          RAPID_WINDOW_DAYS,
          RAPID_BASELINE_DAYS,
          RAPID_MIN_TESTS,
          RAPID_ALPHA,
          RAPID_PRIOR_POSITIVES,
          RAPID_PRIOR_NEGATIVES);

  /** @throws IllegalArgumentException naming the key, the value and what was expected */
  public WindowRuleParams {
    range(PRODUCER_FAILURES, producerFailures, 2, Integer.MAX_VALUE);
    range(PRODUCER_WINDOW_DAYS, producerWindowDays, 1, MAX_DAYS);
    range(RAPID_WINDOW_DAYS, rapidWindowDays, 1, MAX_DAYS);
    range(RAPID_BASELINE_DAYS, rapidBaselineDays, 1, MAX_DAYS);
    range(RAPID_MIN_TESTS, rapidMinTests, 1, Integer.MAX_VALUE);
    if (!(rapidAlpha > 0 && rapidAlpha < 1)) {
      throw new IllegalArgumentException(
          "Invalid " + RAPID_ALPHA + " " + rapidAlpha + ": expected a probability in (0, 1)");
    }
    BinomialExcess.checkPrior(RAPID_PRIOR_POSITIVES, rapidPriorPositives);
    BinomialExcess.checkPrior(RAPID_PRIOR_NEGATIVES, rapidPriorNegatives);
  }

  private static void range(String key, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          "Invalid " + key + " " + v + ": expected an integer in [" + min + ", " + max + "]");
    }
  }

  /** All defaults. */
  public static WindowRuleParams defaults() {
    return new WindowRuleParams(
        PRODUCER_FAILURES_DEFAULT,
        PRODUCER_WINDOW_DAYS_DEFAULT,
        RAPID_WINDOW_DAYS_DEFAULT,
        RAPID_BASELINE_DAYS_DEFAULT,
        RAPID_MIN_TESTS_DEFAULT,
        RAPID_ALPHA_DEFAULT,
        BinomialExcess.PRIOR_POSITIVES_DEFAULT,
        BinomialExcess.PRIOR_NEGATIVES_DEFAULT);
  }

  /**
   * The parameters from options given as a map (key without {@code --}, value): a key of {@link #KEYS} overrides its
   * default; other keys are not looked at (the caller rejects unknown keys). Parsed by the command line's own parser
   * ({@link Options}), so the values and errors are the same as on the command line.
   *
   * @throws IllegalArgumentException if a value is not a number, naming key and value, or is out of range
   */
  public static WindowRuleParams fromOptions(Map<String, String> options) {
    List<String> args = new ArrayList<>();
    for (String k : KEYS) {
      if (options.containsKey(k)) {
        args.add("--" + k);
        args.add(options.get(k));
      }
    }
    try {
      return StreamCli.parse(new Options(), args.toArray(String[]::new)).params();
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The command-line options of the window rules ({@code --key value}, a picocli mixin of {@link StreamingMain}),
   * with the defaults above; the ranges are checked by {@link #params()}.
   */
  public static final class Options {
    @Option(
        names = "--" + PRODUCER_FAILURES,
        paramLabel = "N",
        defaultValue = "" + PRODUCER_FAILURES_DEFAULT,
        converter = StreamCli.Int.class,
        description =
            "PRODUCER_REPEAT: distinct failing samples of a producer"
                + " within the window (>= 2). Default: ${DEFAULT-VALUE}.")
    int producerFailures;

    @Option(
        names = "--" + PRODUCER_WINDOW_DAYS,
        paramLabel = "DAYS",
        defaultValue = "" + PRODUCER_WINDOW_DAYS_DEFAULT,
        converter = StreamCli.Int.class,
        description =
            "PRODUCER_REPEAT window, days (1-" + MAX_DAYS + "). Default: ${DEFAULT-VALUE}.")
    int producerWindowDays;

    @Option(
        names = "--" + RAPID_WINDOW_DAYS,
        paramLabel = "DAYS",
        defaultValue = "" + RAPID_WINDOW_DAYS_DEFAULT,
        converter = StreamCli.Int.class,
        description =
            "RAPID_POSITIVE_RATE window, days, sliding by 1 (1-"
                + MAX_DAYS
                + "). Default: ${DEFAULT-VALUE}.")
    int rapidWindowDays;

    @Option(
        names = "--" + RAPID_BASELINE_DAYS,
        paramLabel = "DAYS",
        defaultValue = "" + RAPID_BASELINE_DAYS_DEFAULT,
        converter = StreamCli.Int.class,
        description =
            "RAPID_POSITIVE_RATE baseline: the days before the window (1-"
                + MAX_DAYS
                + "). Default: ${DEFAULT-VALUE}.")
    int rapidBaselineDays;

    @Option(
        names = "--" + RAPID_MIN_TESTS,
        paramLabel = "N",
        defaultValue = "" + RAPID_MIN_TESTS_DEFAULT,
        converter = StreamCli.Int.class,
        description =
            "RAPID_POSITIVE_RATE: rapid tests the window needs (>= 1). Default: ${DEFAULT-VALUE}.")
    int rapidMinTests;

    @Option(
        names = "--" + RAPID_ALPHA,
        paramLabel = "P",
        defaultValue = "" + RAPID_ALPHA_DEFAULT,
        converter = StreamCli.Decimal.class,
        description =
            "RAPID_POSITIVE_RATE fires when the one-sided exact"
                + " binomial p-value is below this, in (0, 1). Default: ${DEFAULT-VALUE}.")
    double rapidAlpha;

    @Option(
        names = "--" + RAPID_PRIOR_POSITIVES,
        paramLabel = "A",
        defaultValue = "" + BinomialExcess.PRIOR_POSITIVES_DEFAULT,
        converter = StreamCli.Decimal.class,
        description =
            "Baseline prior pseudo-positives (> 0). Default: ${DEFAULT-VALUE} (Jeffreys).")
    double rapidPriorPositives;

    @Option(
        names = "--" + RAPID_PRIOR_NEGATIVES,
        paramLabel = "B",
        defaultValue = "" + BinomialExcess.PRIOR_NEGATIVES_DEFAULT,
        converter = StreamCli.Decimal.class,
        description =
            "Baseline prior pseudo-negatives (> 0). Default: ${DEFAULT-VALUE} (Jeffreys).")
    double rapidPriorNegatives;

    /**
     * The parameters.
     *
     * @throws IllegalArgumentException if a value is out of range, naming the key, the value and the range
     */
    public WindowRuleParams params() {
      return new WindowRuleParams(
          producerFailures,
          producerWindowDays,
          rapidWindowDays,
          rapidBaselineDays,
          rapidMinTests,
          rapidAlpha,
          rapidPriorPositives,
          rapidPriorNegatives);
    }
  }

  /** The PRODUCER_REPEAT parameters as JSON (column {@code method_parameters}). */
  public String producerJson(String zone) {
    return "{\"failures\":"
        + producerFailures
        + ",\"window_days\":"
        + producerWindowDays
        + ",\"zone\":\""
        + zone
        + "\"}";
  }

  /** The RAPID_POSITIVE_RATE parameters as JSON (column {@code method_parameters}). */
  public String rapidJson(String zone) {
    return "{\"window_days\":"
        + rapidWindowDays
        + ",\"slide_days\":1,\"baseline_days\":"
        + rapidBaselineDays
        + ",\"min_tests\":"
        + rapidMinTests
        + ",\"alpha\":"
        + rapidAlpha
        + ",\"prior_positives\":"
        + rapidPriorPositives
        + ",\"prior_negatives\":"
        + rapidPriorNegatives
        + ",\"zone\":\""
        + zone
        + "\"}";
  }
}
