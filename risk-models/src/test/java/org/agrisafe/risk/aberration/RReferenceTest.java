package org.agrisafe.risk.aberration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R surveillance 1.20.3 on the extra cases of src/test/resources/aberration-r (see PROVENANCE.md
 * there): options the shared golden cases do not cover.
 */
class RReferenceTest {

  private static final LocalDate SALM_NEWPORT_FIRST_MONDAY = LocalDate.of(2004, 1, 5);

  @Test
  void flexibleDeltaWithDates() {
    check(
        "flex_delta_dates_newport", true, s -> FarringtonFlexibleParameters.defaults(), Flex.FLEX);
  }

  @Test
  void flexibleDeltaByIndex() {
    check(
        "flex_delta_index_newport", false, s -> FarringtonFlexibleParameters.defaults(), Flex.FLEX);
  }

  @Test
  void flexibleMuanNoufaily() {
    check(
        "flex_muan_noufaily_newport",
        true,
        s ->
            FarringtonFlexibleParameters.builder()
                .noPeriods(10)
                .pastWeeksNotIncluded(26)
                .thresholdMethod(FarringtonFlexibleParameters.ThresholdMethod.MUAN)
                .build(),
        Flex.FLEX);
  }

  @Test
  void flexibleDeltaPopulationOffset() {
    check(
        "flex_delta_offset_newport",
        true,
        s ->
            FarringtonFlexibleParameters.builder()
                .populationOffset(true)
                .noPeriods(4)
                .pThresholdTrend(1)
                .powerTransform(PowerTransform.SQUARE_ROOT)
                .build(),
        Flex.FLEX);
  }

  @Test
  void flexibleNbPluginNoTrendNoReweight() {
    check(
        "flex_nb_notrend_none_newport",
        true,
        s ->
            FarringtonFlexibleParameters.builder()
                .trend(false)
                .reweight(false)
                .powerTransform(PowerTransform.NONE)
                .limit54(0, 4)
                .thresholdMethod(FarringtonFlexibleParameters.ThresholdMethod.NB_PLUGIN)
                .build(),
        Flex.FLEX);
  }

  @Test
  void farringtonSquareRoot() {
    check(
        "farrington_sqrt_agona",
        false,
        s ->
            new FarringtonParameters(
                5, 2, true, 0.01, true, 5, 4, PowerTransform.SQUARE_ROOT, false),
        Flex.CLASSIC);
  }

  @Test
  void farringtonThreeYearsNoReweightNoTrend() {
    check(
        "farrington_b3_noreweight_agona",
        false,
        s ->
            new FarringtonParameters(
                3, 3, false, 0.05, false, 5, 4, PowerTransform.TWO_THIRDS, false),
        Flex.CLASSIC);
  }

  @Test
  void farringtonWithDates() {
    check("farrington_dates_newport", true, s -> FarringtonParameters.defaults(), Flex.CLASSIC);
  }

  @Test
  void earsC2WithMinSigma() {
    check(
        "earsC2_newport",
        false,
        s -> new EarsCParameters(EarsCParameters.Variant.C2, 10, 0.5, 0.01),
        Flex.EARS);
  }

  @Test
  void cusumOtherTransformations() {
    String[] r = {"rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none"};
    CusumParameters.Transformation[] t = {
      CusumParameters.Transformation.ROSSI,
      CusumParameters.Transformation.ANSCOMBE,
      CusumParameters.Transformation.ANSCOMBE_2ND,
      CusumParameters.Transformation.PEARSON_NEG_BIN,
      CusumParameters.Transformation.NONE
    };
    for (int i = 0; i < r.length; i++) {
      CusumParameters.Transformation tr = t[i];
      check(
          "cusum_" + r[i] + "_agona",
          false,
          s -> new CusumParameters(1.04, 2.26, OptionalDouble.empty(), tr, 0.2, false),
          Flex.CUSUM);
    }
  }

  private enum Flex {
    FLEX,
    CLASSIC,
    EARS,
    CUSUM
  }

  private record Row(
      int index, long observed, double population, double upperbound, Boolean alarm) {}

  private static void check(String name, boolean dates, Function<Void, Object> params, Flex kind) {
    List<Row> rows = load(name);
    long[] obs = rows.stream().mapToLong(Row::observed).toArray();
    double[] pop = rows.stream().mapToDouble(Row::population).toArray();
    CountSeries series =
        new CountSeries(
            name,
            obs,
            pop,
            52,
            dates
                ? AberrationGoldenTest.weeklyEpochs(SALM_NEWPORT_FIRST_MONDAY, obs.length)
                : null);
    int first =
        rows.stream().filter(r -> r.alarm() != null).mapToInt(Row::index).min().orElseThrow();
    int last =
        rows.stream().filter(r -> r.alarm() != null).mapToInt(Row::index).max().orElseThrow();
    Object p = params.apply(null);
    AberrationDetector detector =
        switch (kind) {
          case FLEX -> new FarringtonFlexibleDetector((FarringtonFlexibleParameters) p);
          case CLASSIC -> new FarringtonDetector((FarringtonParameters) p);
          case EARS -> new EarsCDetector((EarsCParameters) p);
          case CUSUM -> new CusumDetector((CusumParameters) p);
        };
    AberrationResult result = detector.detect(series, first, last);
    int compared = 0;
    for (int i = first; i <= last; i++) {
      Row e = rows.get(i - 1);
      AberrationPoint pt = result.at(i);
      String where = name + " index " + i;
      assertEquals(
          e.alarm(),
          pt.alarm(),
          where
              + ": alarm (observed "
              + pt.observed()
              + ", upperbound "
              + pt.upperbound()
              + ", R "
              + e.upperbound()
              + ")");
      if (pt.status() == ThresholdStatus.SUPPRESSED_LIMIT54) {
        // R: NA (farringtonFlexible) or the placeholder 0 (algo.farrington)
        assertTrue(
            Double.isNaN(e.upperbound()) || (kind == Flex.CLASSIC && e.upperbound() == 0),
            where + ": suppressed here, R gives " + e.upperbound());
      } else if (Double.isNaN(e.upperbound())) {
        assertTrue(pt.upperbound().isEmpty(), where + ": R gives NA, got " + pt.upperbound());
      } else {
        if (pt.upperbound().isEmpty()) {
          fail(where + ": expected " + e.upperbound() + ", got none (" + pt.status() + ")");
        }
        assertEquals(
            e.upperbound(),
            pt.upperbound().getAsDouble(),
            AberrationGoldenTest.RELATIVE_TOLERANCE * Math.abs(e.upperbound()),
            where + ": upperbound");
      }
      compared++;
    }
    assertTrue(compared > 10, name + ": only " + compared + " rows compared");
  }

  private static List<Row> load(String name) {
    String resource = "/aberration-r/" + name + ".csv";
    try (InputStream in = RReferenceTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("Reference file " + resource + " is missing");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<Row> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].trim().split(",");
        String ub = f[3];
        String al = f[4];
        rows.add(
            new Row(
                Integer.parseInt(f[0]),
                Long.parseLong(f[1]),
                Double.parseDouble(f[2]),
                ub.equals("NA") ? Double.NaN : Double.parseDouble(ub),
                al.equals("NA") ? null : Boolean.valueOf(al.equals("TRUE"))));
      }
      return rows;
    } catch (IOException e) {
      throw new AssertionError("Cannot read " + resource, e);
    }
  }
}
