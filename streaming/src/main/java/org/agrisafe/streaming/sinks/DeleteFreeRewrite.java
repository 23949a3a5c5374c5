package org.agrisafe.streaming.sinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Rewrites every partition whose data files carry delete files (the stream's upserts) into one new data file with
 * the deletes applied, and drops those delete files in the same commit. Afterwards no scan task has deletes, so
 * readers that ignore equality deletes (PyIceberg, DuckDB) see each current row once. Complements
 * {@link CompactionJob}: Iceberg's Flink rewrite action skips a group of a single file even when it has deletes.
 * Identity-partitioned tables only (the lakehouse's tables are); the commit validates against concurrent deletes,
 * so a rewrite that races the stream fails and is retried at the next run.
 */
public final class DeleteFreeRewrite {
  private DeleteFreeRewrite() {}

  /**
   * Rewrites the partitions of {@code table} that have deletes.
   *
   * @return number of partitions rewritten
   * @throws IllegalArgumentException if the table has a non-identity partition field
   * @throws UncheckedIOException if a file cannot be read or written
   */
  public static int rewrite(Table table) {
    PartitionSpec spec = table.spec();
    for (PartitionField f : spec.fields()) {
      if (!f.transform().isIdentity()) {
        throw new IllegalArgumentException(
            "Cannot rewrite "
                + table.name()
                + ": partition field "
                + f.name()
                + " is not an identity transform");
      }
    }
    if (table.currentSnapshot() == null) {
      return 0;
    }
    long snapshotId = table.currentSnapshot().snapshotId();
    Map<String, StructLike> partitions = new LinkedHashMap<>();
    Map<String, Set<DataFile>> dataFiles = new LinkedHashMap<>();
    Map<String, Set<DeleteFile>> deleteFiles = new LinkedHashMap<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(snapshotId).planFiles()) {
      for (FileScanTask t : tasks) {
        String key = spec.partitionToPath(t.file().partition());
        partitions.putIfAbsent(key, t.file().partition());
        dataFiles.computeIfAbsent(key, k -> new HashSet<>()).add(t.file());
        deleteFiles.computeIfAbsent(key, k -> new HashSet<>()).addAll(t.deletes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan " + table.name(), e);
    }
    int rewritten = 0;
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, System.currentTimeMillis())
            .format(FileFormat.PARQUET)
            .build();
    GenericAppenderFactory appenders = new GenericAppenderFactory(table.schema(), spec);
    for (Map.Entry<String, StructLike> p : partitions.entrySet()) {
      Set<DeleteFile> deletes = deleteFiles.get(p.getKey());
      if (deletes.isEmpty()) {
        continue;
      }
      Expression where = Expressions.alwaysTrue();
      List<PartitionField> fields = spec.fields();
      for (int i = 0; i < fields.size(); i++) {
        String column = table.schema().findColumnName(fields.get(i).sourceId());
        Object v = p.getValue().get(i, Object.class);
        where =
            Expressions.and(
                where, v == null ? Expressions.isNull(column) : Expressions.equal(column, v));
      }
      DataWriter<Record> w =
          appenders.newDataWriter(
              files.newOutputFile(spec, p.getValue()), FileFormat.PARQUET, p.getValue());
      try (CloseableIterable<Record> rows =
          IcebergGenerics.read(table).useSnapshot(snapshotId).where(where).build()) {
        try (w) {
          rows.forEach(w::write);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot rewrite partition " + p.getKey() + " of " + table.name(), e);
      }
      table
          .newRewrite()
          .validateFromSnapshot(snapshotId)
          .rewriteFiles(dataFiles.get(p.getKey()), deletes, Set.of(w.toDataFile()), Set.of())
          .commit();
      rewritten++;
    }
    return rewritten;
  }
}
