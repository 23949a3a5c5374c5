package org.agrisafe.streaming.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.agrisafe.intake.ingest.UploadRecords;
import org.agrisafe.streaming.transport.UploadEnvelope;
import org.agrisafe.streaming.transport.UploadFileFormat;
import org.agrisafe.streaming.transport.UploadJson;
import org.agrisafe.streaming.transport.UploadTransport;

/**
 * The upload endpoint labs post results to (JDK {@link HttpServer}).
 *
 * <p>{@code POST /v1/uploads} with header {@code X-API-Key: <the lab's key>} and a body in the upload format
 * (docs/formats/upload-format.md): JSON Lines ({@code Content-Type: application/x-ndjson}, the default) or CSV
 * with a header ({@code Content-Type: text/csv}), UTF-8, at most {@code max-body-bytes}. Each record is validated
 * at once with the batch adapters' code ({@link UploadRecords#parse}, stateless: duplicates and corrections are
 * decided by the stream). The answer (200, JSON) gives {@code accepted}, {@code rejected} and per record
 * {@code line}, {@code result_id}, {@code status} (ACCEPTED or REJECTED), {@code field} and {@code reason}.
 *
 * <p>Records naming another lab than the key's are refused (REJECTED, not handed over: a lab cannot post for
 * another lab). All other records, valid or not, are handed to the {@link UploadTransport} in one piece, so that
 * invalid ones also reach {@code monitoring.rejected_records}; if the transport fails the answer is 503 and
 * nothing was accepted. Errors: 401 (missing or unknown key), 405 (not POST), 413 (body too large), 400
 * (unreadable body, e.g. a CSV without header).
 */
public final class UploadServer implements AutoCloseable {
  /** Largest request body, bytes. */
  public static final int MAX_BODY_BYTES_DEFAULT = 16 * 1024 * 1024;

  public static final String PATH = "/v1/uploads";
  public static final String API_KEY_HEADER = "X-API-Key";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ApiKeys keys;
  private final UploadTransport transport;
  private final int maxBodyBytes;
  private final ZoneId zone;

  /**
   * Starts the server.
   *
   * @param port TCP port, 0 for any free port (see {@link #port()})
   * @param zone the lakehouse's zone ({@code LakehouseConfig.zone()}), in which records are parsed as the stream
   *     parses them (docs/conventions.md §13.2)
   * @throws IOException if the port cannot be bound
   */
  public UploadServer(
      int port, ApiKeys keys, UploadTransport transport, int maxBodyBytes, ZoneId zone)
      throws IOException {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException(
          "Invalid max-body-bytes " + maxBodyBytes + ": expected >= 1");
    }
    this.keys = keys;
    this.transport = transport;
    this.maxBodyBytes = maxBodyBytes;
    this.zone = java.util.Objects.requireNonNull(zone, "zone");
    this.server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(PATH, this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      if (!"POST".equals(ex.getRequestMethod())) {
        reply(ex, 405, error("Method " + ex.getRequestMethod() + " not allowed: expected POST"));
        return;
      }
      Optional<String> lab = keys.labFor(ex.getRequestHeaders().getFirst(API_KEY_HEADER));
      if (lab.isEmpty()) {
        reply(
            ex,
            401,
            error("Missing or unknown " + API_KEY_HEADER + ": expected the lab's API key"));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(maxBodyBytes + 1);
      }
      if (body.length > maxBodyBytes) {
        reply(
            ex,
            413,
            error("Body larger than " + maxBodyBytes + " bytes: expected smaller uploads"));
        return;
      }
      String type =
          Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type"))
              .orElse("")
              .toLowerCase(Locale.ROOT);
      String name =
          "upload-"
              + lab.get()
              + "-"
              + UUID.randomUUID()
              + (type.contains("csv") ? ".csv" : ".jsonl");
      List<UploadEnvelope> records;
      try {
        records =
            UploadFileFormat.parse(
                name, new String(body, StandardCharsets.UTF_8), System.currentTimeMillis());
      } catch (IllegalArgumentException e) {
        reply(ex, 400, error(e.getMessage()));
        return;
      }
      reply(ex, 200, accept(lab.get(), records));
    } catch (IOException e) {
      reply(
          ex,
          503,
          error("Cannot hand the records to the stream: " + e.getMessage() + "; resend later"));
    } catch (RuntimeException e) {
      reply(ex, 500, error("Internal error: " + e));
    }
  }

  /** Validates, refuses other labs' records, hands the rest over; the JSON answer. */
  private ObjectNode accept(String lab, List<UploadEnvelope> records) throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode per = answer.putArray("records");
    List<UploadEnvelope> forward = new ArrayList<>();
    long accepted = 0;
    long rejected = 0;
    for (UploadEnvelope e : records) {
      e.lab = lab;
      ObjectNode r = per.addObject();
      r.put("line", e.line);
      String field = null;
      String reason = null;
      boolean refuse = false;
      try {
        Map<String, String> fields = UploadJson.fields(e.payload);
        r.put("result_id", fields.get(UploadRecords.RESULT_ID));
        UploadRecords.Outcome o = UploadRecords.parse(fields, e.source, e.line, zone);
        if (o instanceof UploadRecords.Invalid inv) {
          field = inv.rejected().field();
          reason = inv.rejected().reason();
        } else if (!lab.equals(((UploadRecords.Valid) o).sample().labId())) {
          field = UploadRecords.LAB_ID;
          reason =
              "Record names lab_id '"
                  + ((UploadRecords.Valid) o).sample().labId()
                  + "' but the key is lab '"
                  + lab
                  + "': expected a lab to post only its own results";
          refuse = true;
        }
      } catch (IllegalArgumentException err) {
        field = "line";
        reason = err.getMessage();
      }
      if (reason == null) {
        accepted++;
        r.put("status", "ACCEPTED");
      } else {
        rejected++;
        r.put("status", "REJECTED");
        r.put("field", field);
        r.put("reason", reason);
      }
      if (!refuse) {
        forward.add(e);
      }
    }
    if (!forward.isEmpty()) {
      transport.send(lab, forward);
    }
    answer.put("lab", lab);
    answer.put("accepted", accepted);
    answer.put("rejected", rejected);
    return answer;
  }

  private static ObjectNode error(String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", message);
    return o;
  }

  private static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
