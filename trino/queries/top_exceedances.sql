-- The 50 largest exceedances: current results above their MRL (value > MRL, strictly), by value / MRL.
-- monitoring.results holds the current revision of each result, so a lab's correction shows once.
SELECT r.source_system,
       r.sample_date,
       r.commodity_code,
       r.analyte_code,
       r.value_mg_per_kg,
       r.mrl_mg_per_kg,
       round(r.value_mg_per_kg / r.mrl_mg_per_kg, 1) AS times_mrl,
       r.limit_source,
       r.revision,
       s.origin_iso2
FROM agrisafe.monitoring.results r
JOIN agrisafe.monitoring.samples s ON s.sample_id = r.sample_id
WHERE r.exceeds
  AND r.mrl_mg_per_kg > 0
ORDER BY r.value_mg_per_kg / r.mrl_mg_per_kg DESC, r.result_id
LIMIT 50
