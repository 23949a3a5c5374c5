package org.agrisafe.intake.model;

/** Administrative level of the testing laboratory (市级/县级/乡镇/企业/国家). UNKNOWN when the source does not say. */
public enum LabLevel {
  CITY,
  COUNTY,
  TOWNSHIP,
  ENTERPRISE,
  NATIONAL,
  UNKNOWN
}
