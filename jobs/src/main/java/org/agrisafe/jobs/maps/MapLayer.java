package org.agrisafe.jobs.maps;

import org.agrisafe.intake.reference.RegionLayer;
import org.agrisafe.intake.reference.Regions;

/** The map layers the heat-map job computes. */
public enum MapLayer {
  /**
   * Countries of origin (ISO 3166-1 alpha-2 from {@code origin_iso2}, else from the published name through the
   * country-name table). Neighbours: k nearest neighbours of the centroids of each country's largest polygon
   * (lon/lat degrees, planar), because many countries have no land neighbour under queen contiguity (islands:
   * UK, Ireland, Japan, New Zealand, Sri Lanka, Madagascar, ...).
   */
  WORLD_ORIGIN(
      Regions.WORLD_ORIGIN,
      "Pesticide residues by country of origin",
      "按原产国的农药残留",
      "UK PRiF 2016–2022 (OGL v3.0)"),
  /**
   * Jinan districts (adcode from {@code region_code}, township codes rolled up, else point in polygon). Neighbours:
   * queen contiguity; a district with no neighbour among those with data is linked to its nearest one
   * ({@code IslandPolicy.NEAREST_NEIGHBOUR}).
   */
  JINAN_DISTRICT(
      Regions.JINAN_DISTRICT,
      "Residues by Jinan district",
      "济南市各区县农产品残留",
      "Jinan agricultural product monitoring (AgriSafe lakehouse)");

  public final String id;
  public final String title;
  public final String titleZh;

  /** Source line of the map. */
  public final String source;

  MapLayer(String id, String title, String titleZh, String source) {
    this.id = id;
    this.title = title;
    this.titleZh = titleZh;
    this.source = source;
  }

  /** The regions (WGS-84) of this layer. */
  public RegionLayer regions() {
    return Regions.layer(id);
  }

  /** Parses a layer by id ({@code world-origin}) or enum name, case-insensitive. */
  public static MapLayer parse(String s) {
    for (MapLayer l : values()) {
      if (l.id.equalsIgnoreCase(s.strip()) || l.name().equalsIgnoreCase(s.strip())) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "Unknown map layer '" + s + "': expected world-origin or jinan-district");
  }
}
