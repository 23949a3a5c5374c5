package org.agrisafe.streaming.transport;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The production transport: one Kafka record per upload record on {@code topic}, key = {@code result_id} (so
 * the revisions of a result stay in order on one partition), value = {@link EnvelopeCodec#encode}. Idempotent
 * producer, {@code acks=all}; {@link #send} returns when every record is acknowledged.
 */
public final class KafkaTransport implements UploadTransport {
  private final KafkaProducer<String, String> producer;
  private final String topic;

  public KafkaTransport(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    this.topic = topic;
  }

  @Override
  public void send(String lab, List<UploadEnvelope> records) throws IOException {
    List<Future<RecordMetadata>> acks = new java.util.ArrayList<>(records.size());
    for (UploadEnvelope e : records) {
      acks.add(
          producer.send(
              new ProducerRecord<>(
                  topic, UploadJson.resultKey(e.payload), EnvelopeCodec.encode(e))));
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> f : acks) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while sending uploads to topic " + topic, e);
    } catch (ExecutionException e) {
      throw new IOException(
          "Cannot send uploads to topic " + topic + ": " + e.getCause().getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
