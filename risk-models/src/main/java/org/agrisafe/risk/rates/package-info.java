/**
 * Rates (pass, detection, exceedance) with numerator, denominator and 95 % Wilson interval; binomial confidence
 * intervals. All values are proportions in [0, 1]; an empty group has no rate (null).
 */
package org.agrisafe.risk.rates;
