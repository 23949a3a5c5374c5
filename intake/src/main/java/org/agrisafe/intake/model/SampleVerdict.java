package org.agrisafe.intake.model;

/** A sample-level verdict as published by the source (合格 = PASS, 不合格 = FAIL); never computed here. */
public enum SampleVerdict {
  PASS,
  FAIL
}
