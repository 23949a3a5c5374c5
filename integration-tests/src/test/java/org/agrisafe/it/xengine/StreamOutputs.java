package org.agrisafe.it.xengine;

import java.time.Instant;
import java.util.List;
import org.agrisafe.lakehouse.tables.TableDef;
import org.agrisafe.lakehouse.tables.Tables;
import org.agrisafe.lakehouse.tables.WarningTables;
import org.apache.spark.sql.SparkSession;

/**
 * Removes what a test's streaming job wrote into a lakehouse that other tests of the JVM share (their figures
 * count every {@code monitoring.results} and {@code monitoring.samples} row): the test's results, revisions and
 * samples, and the {@code STREAM_RULE} warnings raised since the test started. Call it after the stream stopped.
 */
public final class StreamOutputs {
  private StreamOutputs() {}

  /**
   * @param spark the session on the lakehouse
   * @param catalog the catalog name
   * @param resultIdPrefixes lakehouse result ID prefixes of the test's records (e.g. {@code PLATFORM_UPLOAD:SYN-9-}),
   *     which are also the prefixes of their sample IDs
   * @param since start of the test; STREAM_RULE warnings created from then on are deleted
   */
  public static void delete(
      SparkSession spark, String catalog, List<String> resultIdPrefixes, Instant since) {
    for (TableDef def : List.of(Tables.RESULTS, Tables.RESULT_REVISIONS, Tables.SAMPLES)) {
      String column = def == Tables.SAMPLES ? "sample_id" : "result_id";
      StringBuilder where = new StringBuilder();
      for (String p : resultIdPrefixes) {
        where
            .append(where.length() == 0 ? "" : " OR ")
            .append(column)
            .append(" LIKE '")
            .append(p.replace("'", "''"))
            .append("%'");
      }
      spark.sql("REFRESH TABLE " + def.qualifiedName(catalog));
      spark.sql("DELETE FROM " + def.qualifiedName(catalog) + " WHERE " + where);
    }
    String warnings = WarningTables.WARNINGS.qualifiedName(catalog);
    spark.sql("REFRESH TABLE " + warnings);
    spark.sql(
        "DELETE FROM "
            + warnings
            + " WHERE producer = 'STREAM_RULE' AND created_at >= TIMESTAMP '"
            + since
            + "'");
  }
}
