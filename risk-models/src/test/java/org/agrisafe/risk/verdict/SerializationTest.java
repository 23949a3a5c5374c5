package org.agrisafe.risk.verdict;

import static org.agrisafe.risk.verdict.Fixtures.BAN_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.LIMIT_BOOK;
import static org.agrisafe.risk.verdict.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.agrisafe.risk.rates.Rate;
import org.junit.jupiter.api.Test;

/** The books and records travel to Spark executors and Flink operators by Java serialization. */
class SerializationTest {

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void booksAndJudgementsSurviveSerialization() throws Exception {
    LimitBook limits = roundTrip(LIMIT_BOOK);
    BanBook bans = roundTrip(BAN_BOOK);
    QuantitativeInput in = roundTrip(result("s1", "chlorpyrifos", "celery").value(0.06).build());
    ResultJudgement expected = Verdicts.judgeQuantitative(in, LIMIT_BOOK, BAN_BOOK);
    ResultJudgement actual = Verdicts.judgeQuantitative(in, limits, bans);
    assertEquals(expected, actual);
    assertEquals(expected, roundTrip(expected));
    assertEquals(Rate.of(3, 7), roundTrip(Rate.of(3, 7)));
    assertEquals(Rate.of(0, 0), roundTrip(Rate.of(0, 0)));
  }
}
