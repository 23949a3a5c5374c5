package org.agrisafe.risk.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.agrisafe.risk.common.Assessment;
import org.agrisafe.risk.common.NotAssessed;

/**
 * Acute dietary exposure: the international estimate of short-term intake (IESTI) compared with the ARfD.
 *
 * <p>Sources: FAO/WHO JMPR, Report of the 2014 Joint Meeting on Pesticide Residues (FAO Plant Production and
 * Protection Paper 221), general considerations on the IESTI equations; FAO (2016) Submission and evaluation of
 * pesticide residues data for the estimation of maximum residue levels in food and feed, 3rd ed. (FAO PPPP 225),
 * chapter 6, short-term dietary intake; EFSA (2018) Use of EFSA Pesticide Residue Intake Model (EFSA PRIMo revision 3),
 * EFSA Journal 16(1):5147, acute exposure (IESTI cases 1, 2a, 2b, 3). Equations (bw in kg, LP and U in kg, residues
 * in mg/kg, IESTI in mg/kg bw):
 * <ul>
 *   <li>case 1 (U &lt; 25 g): IESTI = LP × HR / bw;</li>
 *   <li>case 2a (U ≥ 25 g, U &lt; LP): IESTI = [U × HR × v + (LP − U) × HR] / bw;</li>
 *   <li>case 2b (U ≥ 25 g, U ≥ LP): IESTI = LP × HR × v / bw;</li>
 *   <li>case 3 (bulked or blended): IESTI = LP × STMR / bw.</li>
 * </ul>
 * Processing factors and the edible-portion conversion are the caller's (give U and residues for the edible part).
 *
 * <p>Steps: resolve the analyte (ARfD required); choose the case (bulked → 3; else U required: U &lt; threshold → 1;
 * U ≥ LP → 2b; else 2a); check that the residue the case needs is given; compute IESTI and %ARfD. Output: one
 * {@link IestiResult} per assessed input in input order; a {@link NotAssessed} (key
 * {@code "analyte=<name>;commodity=<c>"}) for each input that lacks a required value or an ARfD.
 */
public final class AcuteExposure {
  private AcuteExposure() {}

  /** Assesses each input; see the class comment. */
  public static Assessment<IestiResult> assess(
      List<IestiInput> inputs, AdiBook adiBook, IestiParameters parameters) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(adiBook, "adiBook");
    Objects.requireNonNull(parameters, "parameters");
    List<IestiResult> results = new ArrayList<>();
    List<NotAssessed> notAssessed = new ArrayList<>();
    for (IestiInput in : inputs) {
      String key =
          "analyte="
              + (in.analyte() == null ? "<null>" : AdiBook.normalize(in.analyte()))
              + ";commodity="
              + in.commodity();
      if (in.analyte() == null || in.analyte().isBlank()) {
        notAssessed.add(new NotAssessed(key, "analyte name is empty: expected a name"));
        continue;
      }
      AdiResolution res = adiBook.resolve(in.analyte());
      if (res.status() != AdiResolution.Status.RESOLVED) {
        notAssessed.add(new NotAssessed(key, res.status() + ": " + res.message()));
        continue;
      }
      if (!res.hasArfd()) {
        notAssessed.add(
            new NotAssessed(
                key,
                "missing ARfD: substance '"
                    + res.entry().substance()
                    + "' has no ARfD in the reference table (none set, or not needed)"));
        continue;
      }
      try {
        results.add(compute(in, res, parameters));
      } catch (IllegalArgumentException e) {
        notAssessed.add(new NotAssessed(key, e.getMessage()));
      }
    }
    return new Assessment<>(results, notAssessed);
  }

  private static IestiResult compute(IestiInput in, AdiResolution res, IestiParameters p) {
    double lp = in.largePortionKg();
    double bw = in.bodyWeightKg();
    if (!(lp > 0) || Double.isInfinite(lp)) {
      throw new IllegalArgumentException(
          "large portion LP is " + lp + " kg: expected a finite value > 0");
    }
    if (!(bw > 0) || Double.isInfinite(bw)) {
      throw new IllegalArgumentException(
          "body weight is " + bw + " kg: expected a finite value > 0");
    }
    IestiCase c;
    String reason;
    Double u = in.unitWeightKg();
    if (in.bulkedOrBlended()) {
      c = IestiCase.CASE_3;
      reason = "bulked or blended commodity";
    } else if (u == null) {
      throw new IllegalArgumentException(
          "unit weight U not given: expected U (kg) to choose between case 1 and 2, "
              + "or bulkedOrBlended=true for case 3");
    } else if (!(u > 0)) {
      throw new IllegalArgumentException("unit weight U is " + u + " kg: expected > 0");
    } else if (u < p.unitWeightThresholdKg()) {
      c = IestiCase.CASE_1;
      reason = "U " + u + " kg < " + p.unitWeightThresholdKg() + " kg";
    } else if (u >= lp) {
      c = IestiCase.CASE_2B;
      reason = "U " + u + " kg >= " + p.unitWeightThresholdKg() + " kg and U >= LP " + lp + " kg";
    } else {
      c = IestiCase.CASE_2A;
      reason = "U " + u + " kg >= " + p.unitWeightThresholdKg() + " kg and U < LP " + lp + " kg";
    }
    double residue;
    String kind;
    if (c == IestiCase.CASE_3) {
      residue = requireResidue(in.stmrMgPerKg(), "STMR", c);
      kind = "STMR";
    } else {
      residue = requireResidue(in.highestResidueMgPerKg(), "HR", c);
      kind = "HR";
    }
    double v = p.variabilityFactor();
    double iesti =
        switch (c) {
          case CASE_1 -> iestiCase1(lp, residue, bw);
          case CASE_2A -> iestiCase2a(lp, u, residue, v, bw);
          case CASE_2B -> iestiCase2b(lp, residue, v, bw);
          case CASE_3 -> iestiCase3(lp, residue, bw);
        };
    double usedV = (c == IestiCase.CASE_2A || c == IestiCase.CASE_2B) ? v : 1.0;
    double arfd = res.entry().arfdMgPerKgBw();
    String src =
        res.entry().arfdSource()
            + (res.entry().arfdYear() == null ? "" : " (" + res.entry().arfdYear() + ")");
    return new IestiResult(
        in.analyte(),
        in.commodity(),
        c,
        reason,
        residue,
        kind,
        lp,
        c == IestiCase.CASE_3 ? null : u,
        usedV,
        bw,
        iesti,
        res.entry().substance(),
        arfd,
        src,
        100.0 * iesti / arfd);
  }

  private static double requireResidue(Double r, String what, IestiCase c) {
    if (r == null) {
      throw new IllegalArgumentException(what + " not given: expected it for " + c);
    }
    if (!(r >= 0) || r.isInfinite()) {
      throw new IllegalArgumentException(
          what + " is " + r + " mg/kg: expected a finite value >= 0");
    }
    return r;
  }

  /** Case 1: LP × HR / bw, mg/kg bw. */
  public static double iestiCase1(double lpKg, double hrMgPerKg, double bwKg) {
    return lpKg * hrMgPerKg / bwKg;
  }

  /** Case 2a: [U × HR × v + (LP − U) × HR] / bw, mg/kg bw. */
  public static double iestiCase2a(
      double lpKg, double uKg, double hrMgPerKg, double v, double bwKg) {
    return (uKg * hrMgPerKg * v + (lpKg - uKg) * hrMgPerKg) / bwKg;
  }

  /** Case 2b: LP × HR × v / bw, mg/kg bw. */
  public static double iestiCase2b(double lpKg, double hrMgPerKg, double v, double bwKg) {
    return lpKg * hrMgPerKg * v / bwKg;
  }

  /** Case 3: LP × STMR / bw, mg/kg bw. */
  public static double iestiCase3(double lpKg, double stmrMgPerKg, double bwKg) {
    return lpKg * stmrMgPerKg / bwKg;
  }
}
