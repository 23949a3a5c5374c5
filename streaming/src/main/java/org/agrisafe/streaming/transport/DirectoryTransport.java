package org.agrisafe.streaming.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * The embedded transport: writes the records of one request as one JSON Lines upload file into the watched
 * directory, atomically (a hidden {@code .tmp} file renamed into place; the directory source ignores names
 * starting with '.'), named {@code <lab>-<epoch ms>-<uuid>.jsonl}.
 */
public final class DirectoryTransport implements UploadTransport {
  private final Path dir;

  /** @throws IOException if the directory cannot be created */
  public DirectoryTransport(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  @Override
  public void send(String lab, List<UploadEnvelope> records) throws IOException {
    String safeLab = lab.replaceAll("[^A-Za-z0-9_-]", "_");
    String name = safeLab + "-" + System.currentTimeMillis() + "-" + UUID.randomUUID() + ".jsonl";
    Path tmp = dir.resolve("." + name + ".tmp");
    StringBuilder sb = new StringBuilder();
    for (UploadEnvelope e : records) {
      sb.append(e.payload).append('\n');
    }
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }
}
