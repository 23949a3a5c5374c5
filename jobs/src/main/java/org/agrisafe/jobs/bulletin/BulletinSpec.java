package org.agrisafe.jobs.bulletin;

import java.util.Objects;
import org.agrisafe.jobs.period.PeriodType;

/**
 * What one bulletin covers and how it is presented. Defaults are the {@code *_DEFAULT} constants.
 *
 * @param periodType MONTH (default), QUARTER or YEAR, cut in the deployment's zone
 * @param period the period key, {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}
 * @param sourceSystem the region scope: the source system whose samples are reported (UK_PRIF, CN_SAMR,
 *     PLATFORM_UPLOAD); figures are never pooled across sources
 * @param language EN or ZH; {@link #languageFor(String)} gives the default per source
 * @param targetPassRate the bureau's pass-rate target, a proportion in (0, 1]; default 0.98 (98 %)
 * @param minGroupSamples groups with fewer tested samples have their rate suppressed and are merged into one
 *     "other" row; default 5, recommended 5-10
 * @param trendPeriods number of periods in the trend charts, default 12
 * @param lateGraceDays a sample is a late arrival when ingested more than this many days after its period's
 *     last day; default 10 days
 * @param topRisks number of risk-ranking rows listed, default 10
 */
public record BulletinSpec(
    PeriodType periodType,
    String period,
    String sourceSystem,
    Language language,
    double targetPassRate,
    int minGroupSamples,
    int trendPeriods,
    int lateGraceDays,
    int topRisks) {

  public static final PeriodType PERIOD_TYPE_DEFAULT = PeriodType.MONTH;
  public static final double TARGET_PASS_RATE_DEFAULT = 0.98;
  public static final int MIN_GROUP_SAMPLES_DEFAULT = 5;
  public static final int TREND_PERIODS_DEFAULT = 12;
  public static final int LATE_GRACE_DAYS_DEFAULT = 10;
  public static final int TOP_RISKS_DEFAULT = 10;

  /** Bulletin language. */
  public enum Language {
    EN,
    ZH
  }

  public BulletinSpec {
    Objects.requireNonNull(periodType, "periodType");
    if (period == null || !periodType.matches(period)) {
      throw new IllegalArgumentException(
          "Invalid period '"
              + period
              + "': expected the "
              + periodType
              + " pattern "
              + periodType.pattern);
    }
    if (sourceSystem == null || sourceSystem.isBlank()) {
      throw new IllegalArgumentException(
          "Source system '" + sourceSystem + "': expected e.g. UK_PRIF or CN_SAMR");
    }
    Objects.requireNonNull(language, "language");
    if (!(targetPassRate > 0 && targetPassRate <= 1)) {
      throw new IllegalArgumentException(
          "Target pass rate " + targetPassRate + ": expected a proportion in (0, 1]");
    }
    if (minGroupSamples < 1) {
      throw new IllegalArgumentException(
          "Minimum group samples " + minGroupSamples + ": expected >= 1");
    }
    if (trendPeriods < 2) {
      throw new IllegalArgumentException("Trend periods " + trendPeriods + ": expected >= 2");
    }
    if (lateGraceDays < 0) {
      throw new IllegalArgumentException("Late grace days " + lateGraceDays + ": expected >= 0");
    }
    if (topRisks < 1) {
      throw new IllegalArgumentException("Top risks " + topRisks + ": expected >= 1");
    }
  }

  /** A bulletin with every default; the language follows the source ({@link #languageFor}). */
  public static BulletinSpec of(PeriodType periodType, String period, String sourceSystem) {
    return new BulletinSpec(
        periodType,
        period,
        sourceSystem,
        languageFor(sourceSystem),
        TARGET_PASS_RATE_DEFAULT,
        MIN_GROUP_SAMPLES_DEFAULT,
        TREND_PERIODS_DEFAULT,
        LATE_GRACE_DAYS_DEFAULT,
        TOP_RISKS_DEFAULT);
  }

  /** English for UK data, Chinese for everything else (Jinan). */
  public static Language languageFor(String sourceSystem) {
    return sourceSystem != null && sourceSystem.startsWith("UK_") ? Language.EN : Language.ZH;
  }

  /** Same bulletin in another language. */
  public BulletinSpec withLanguage(Language l) {
    return new BulletinSpec(
        periodType,
        period,
        sourceSystem,
        l,
        targetPassRate,
        minGroupSamples,
        trendPeriods,
        lateGraceDays,
        topRisks);
  }

  /** File-name stem: {@code <source>-<period>}, e.g. {@code UK_PRIF-2022-06}. */
  public String stem() {
    return sourceSystem + "-" + period;
  }
}
