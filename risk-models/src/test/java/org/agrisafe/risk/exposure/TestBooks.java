package org.agrisafe.risk.exposure;

import org.agrisafe.risk.common.TestPaths;

final class TestBooks {
  private static AdiBook shipped;

  private TestBooks() {}

  static synchronized AdiBook shipped() {
    if (shipped == null) {
      shipped =
          AdiBook.load(
              TestPaths.repoFile("reference-data/adi/adi_arfd.csv"),
              TestPaths.repoFile("reference-data/adi/analyte_synonyms.csv"));
    }
    return shipped;
  }
}
