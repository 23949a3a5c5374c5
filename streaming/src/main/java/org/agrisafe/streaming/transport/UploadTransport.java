package org.agrisafe.streaming.transport;

import java.io.IOException;
import java.util.List;

/** How the upload endpoint hands records to the stream: a Kafka topic in production, a watched directory embedded. */
public interface UploadTransport extends AutoCloseable {
  /**
   * Hands over the records of one request, all or none.
   *
   * @throws IOException if they could not be handed over (the endpoint then answers 503 and the lab resends)
   */
  void send(String lab, List<UploadEnvelope> records) throws IOException;

  @Override
  default void close() throws Exception {}
}
