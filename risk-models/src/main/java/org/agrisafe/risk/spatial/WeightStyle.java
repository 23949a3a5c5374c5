package org.agrisafe.risk.spatial;

/**
 * Coding scheme of a spatial weights matrix, as the {@code style} argument of R {@code spdep::nb2listw}
 * (Bivand, Pebesma and Gómez-Rubio 2013, <i>Applied Spatial Data Analysis with R</i>, 2nd ed., §9.2.1).
 */
public enum WeightStyle {
  /** Row-standardised: every neighbour of region i gets weight 1 / (number of neighbours of i); rows sum to 1. */
  W,
  /** Binary: every neighbour gets weight 1. */
  B
}
