/**
 * The verdict rules of docs/conventions.md §2–§10: limits as dated, scoped rules ({@link
 * org.agrisafe.risk.verdict.LimitBook}), bans as rules ({@link org.agrisafe.risk.verdict.BanBook}), the verdict of a
 * quantitative result and of a rapid test ({@link org.agrisafe.risk.verdict.Verdicts}), of a sample ({@link
 * org.agrisafe.risk.verdict.SampleVerdicts}), and left-censored substitution for exposure ({@link
 * org.agrisafe.risk.verdict.CensoredValues}). Pure functions and immutable serializable values, no I/O; dates are
 * local dates in the deployment's zone (Asia/Shanghai by default).
 */
package org.agrisafe.risk.verdict;
