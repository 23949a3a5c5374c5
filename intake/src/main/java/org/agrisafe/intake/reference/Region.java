package org.agrisafe.intake.reference;

import java.io.Serializable;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One region of a map layer.
 *
 * @param code region code: ISO 3166-1 alpha-2 for countries (Namibia is the string {@code "NA"}), 6-digit adcode for
 *     Chinese divisions
 * @param name English name (pinyin for Chinese divisions)
 * @param nameZh Chinese name, or null when not known
 * @param geometry Polygon or MultiPolygon in <b>WGS-84 lon/lat</b> (converted from the source CRS on load)
 */
public record Region(String code, String name, String nameZh, Geometry geometry)
    implements Serializable {
  public Region {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(geometry, "geometry");
    if (code.isBlank()) {
      throw new IllegalArgumentException("Region code of '" + name + "' is blank: expected a code");
    }
  }
}
