# Extra reference values for org.agrisafe.risk.aberration, beyond golden/aberration (the repository copy of the shared golden values).
# Run with R 4.2.2 and r-cran-surveillance 1.20.3:  Rscript generate.R   (writes NAME.csv here)
# Each NAME.csv: index, observed, population, upperbound, alarm (R's NA written as NA).
suppressMessages(library(surveillance))
data(salmNewport); data(salmonella.agona)
newport <- rowSums(observed(salmNewport))
agona <- salmonella.agona$observed
pop <- function(n) 100 + (seq_len(n) * 37) %% 50          # synthetic samples-tested series
out <- function(name, obs, popu, ub, al) {
  write.csv(data.frame(index = seq_along(obs), observed = obs, population = popu,
                       upperbound = ub, alarm = al), paste0(name, ".csv"), row.names = FALSE)
}
full <- function(n, rng, x) { v <- rep(NA, n); v[rng] <- x; v }
flex <- function(name, obs, ctl, popu = rep(1, length(obs)), dates = TRUE) {
  s <- if (dates) sts(observed = obs, epoch = epoch(salmNewport), epochAsDate = TRUE, frequency = 52,
                      population = matrix(popu, ncol = 1))
       else sts(observed = obs, start = c(2000, 1), frequency = 52, population = matrix(popu, ncol = 1))
  r <- farringtonFlexible(s, control = ctl)
  out(name, obs, popu, full(length(obs), ctl$range, as.numeric(upperbound(r))),
      full(length(obs), ctl$range, as.logical(alarms(r))))
}
rng <- 300:528
flex("flex_delta_dates_newport", newport, list(range = rng))
flex("flex_delta_index_newport", newport, list(range = rng), dates = FALSE)
flex("flex_muan_noufaily_newport", newport, list(range = rng, noPeriods = 10, pastWeeksNotIncluded = 26,
     thresholdMethod = "muan"))
flex("flex_delta_offset_newport", newport, list(range = rng, populationOffset = TRUE, noPeriods = 4,
     pThresholdTrend = 1, powertrans = "1/2"), popu = pop(length(newport)))
flex("flex_nb_notrend_none_newport", newport, list(range = rng, trend = FALSE, reweight = FALSE, powertrans = "none",
     limit54 = c(0, 4), thresholdMethod = "nbPlugin"))
s <- sts(observed = agona, start = c(1990, 1), frequency = 52)
r <- farrington(s, control = list(range = 270:312, b = 5, w = 2, alpha = 0.01, powertrans = "1/2"))
out("farrington_sqrt_agona", agona, 1, full(312, 270:312, as.numeric(upperbound(r))), full(312, 270:312, as.logical(alarms(r))))
r <- farrington(s, control = list(range = 170:312, b = 3, w = 3, reweight = FALSE, trend = FALSE))
out("farrington_b3_noreweight_agona", agona, 1, full(312, 170:312, as.numeric(upperbound(r))), full(312, 170:312, as.logical(alarms(r))))
s2 <- sts(observed = newport, start = c(2000, 1), frequency = 52)
r <- earsC(s2, control = list(range = 20:528, method = "C2", baseline = 10, minSigma = 0.5, alpha = 0.01))
out("earsC2_newport", newport, 1, full(528, 20:528, as.numeric(upperbound(r))), full(528, 20:528, as.logical(alarms(r))))
for (tr in c("rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none")) {
  r <- cusum(s, control = list(range = 100:312, k = 1.04, h = 2.26, m = NULL, trans = tr, alpha = 0.2))
  out(paste0("cusum_", tr, "_agona"), agona, 1, full(312, 100:312, as.numeric(upperbound(r))),
      full(312, 100:312, as.logical(alarms(r))))
}
sd <- sts(observed = newport, epoch = epoch(salmNewport), epochAsDate = TRUE, frequency = 52)
r <- farrington(sd, control = list(range = 400:528, b = 5, w = 3))
out("farrington_dates_newport", newport, 1, full(528, 400:528, as.numeric(upperbound(r))), full(528, 400:528, as.logical(alarms(r))))
