-- Pass rate (合格率) by month and category, random monitoring, with the 95 % Wilson interval, as the pass-rate job
-- wrote it (needs: ./agrisafe run pass-rates --period-type MONTH --dims category). Months are local (Asia/Shanghai).
SELECT period AS month,
       source_system,
       category,
       judged,
       passed,
       round(100 * pass_rate, 2)      AS pass_rate_pct,
       round(100 * pass_rate_low, 2)  AS pass_rate_low_pct,
       round(100 * pass_rate_high, 2) AS pass_rate_high_pct,
       exceeding
FROM agrisafe.analytics.pass_rates
WHERE period_type = 'MONTH'
  AND dimension_set = 'source_system+category'
  AND programme_scope = 'RANDOM_MONITORING'
ORDER BY period, source_system, category
