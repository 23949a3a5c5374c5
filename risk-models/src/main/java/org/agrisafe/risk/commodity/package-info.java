/** The GB 2763 Annex A commodity classification: category &gt; group &gt; (subgroup) &gt; commodity. */
package org.agrisafe.risk.commodity;
