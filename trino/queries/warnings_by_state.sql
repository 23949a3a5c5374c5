-- Warnings by lifecycle state (NEW -> VALIDATED -> ESCALATED / CLOSED), producer and severity, with the newest
-- flagged period of each group.
SELECT state,
       producer,
       severity,
       count(*)    AS warnings,
       max(period) AS latest_period
FROM agrisafe.analytics.warnings
GROUP BY state, producer, severity
ORDER BY CASE state WHEN 'NEW' THEN 1 WHEN 'VALIDATED' THEN 2 WHEN 'ESCALATED' THEN 3 ELSE 4 END,
         producer,
         CASE severity WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END
