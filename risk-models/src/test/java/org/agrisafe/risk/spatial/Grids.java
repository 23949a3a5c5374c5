package org.agrisafe.risk.spatial;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Regular grids of unit squares for tests and the benchmark; region (row r, column c) is index r·columns + c. */
public final class Grids {

  static final GeometryFactory FACTORY = new GeometryFactory();

  private Grids() {}

  static Geometry square(double x0, double y0, double side) {
    return FACTORY.createPolygon(
        new Coordinate[] {
          new Coordinate(x0, y0),
          new Coordinate(x0 + side, y0),
          new Coordinate(x0 + side, y0 + side),
          new Coordinate(x0, y0 + side),
          new Coordinate(x0, y0)
        });
  }

  public static List<Geometry> squares(int rows, int columns) {
    List<Geometry> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        out.add(square(c, r, 1.0));
      }
    }
    return out;
  }

  public static List<String> ids(int n, String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }
}
