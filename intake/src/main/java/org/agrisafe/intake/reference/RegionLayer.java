package org.agrisafe.intake.reference;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A map layer: its regions (geometries in WGS-84 lon/lat), the CRS of the file they came from and a note on the
 * conversion.
 *
 * @param id layer id, e.g. {@code world-origin}, {@code jinan-district}
 * @param scheme code scheme of the regions: {@code ISO3166_1} or {@code CN_ADCODE}
 * @param sourceCrs CRS of the source file: {@code WGS-84} or {@code GCJ-02}
 * @param crsNote what was done to the coordinates, or null when nothing
 * @param regions the regions, unique codes, in file order
 */
public record RegionLayer(
    String id, String scheme, String sourceCrs, String crsNote, List<Region> regions)
    implements Serializable {
  public RegionLayer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(sourceCrs, "sourceCrs");
    regions = List.copyOf(regions);
    Map<String, Region> seen = new LinkedHashMap<>();
    for (Region r : regions) {
      if (seen.put(r.code(), r) != null) {
        throw new IllegalArgumentException(
            "Layer " + id + " has region code '" + r.code() + "' twice: expected unique codes");
      }
    }
  }

  /** The region with this code, or null. */
  public Region byCode(String code) {
    for (Region r : regions) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    return null;
  }
}
