package scenario

import (
	"math"
	"slices"
)

// MonthlyRate converts an annual fraction (attrition) to the monthly fraction
// that compounds to it: 1 − (1 − annual)^(1/12).
func MonthlyRate(annual float64) float64 { return 1 - math.Pow(1-annual, 1.0/12) }

// RampShare is the share of quota an AE seat delivers in its k-th month
// (k ≥ 1) with a ramp of rampMonths: k/rampMonths, 1 from the ramp's end
// on and without a ramp.
func RampShare(k, rampMonths int) float64 {
	if rampMonths <= 0 || k >= rampMonths {
		return 1
	}
	return float64(k) / float64(rampMonths)
}

// MonthlyNRR is the monthly factor that compounds to the annual net
// revenue retention: NRR^(1/12).
func (s Sales) MonthlyNRR() float64 { return math.Pow(s.AnnualNetRevenueRetention, 1.0/12) }

// AECohorts tracks AE seats as expected mass per tenure month: Tenure(k) is
// the mass in its k-th month, for k up to the ramp (at least 1), and Ramped
// the seats past it.
type AECohorts struct {
	ramp int
	// mass[k−1] is tenure month k; the last bucket holds the ramped seats.
	mass []float64
}

// NewAECohorts starts cohorts for a ramp of rampMonths with ramped seats
// already past it.
func NewAECohorts(rampMonths int, ramped float64) *AECohorts {
	return (&AECohorts{}).reset(rampMonths, ramped)
}

// reset restarts c as NewAECohorts would, reusing its storage, and returns it.
func (c *AECohorts) reset(rampMonths int, ramped float64) *AECohorts {
	n := max(rampMonths, 1) + 1
	c.ramp, c.mass = rampMonths, slices.Grow(c.mass[:0], n)[:n]
	clear(c.mass)
	c.mass[n-1] = ramped
	return c
}

// Advance ages every seat one month, lets the fraction attrition of every
// tenure leave and backfills it at once with seats in their first month.
func (c *AECohorts) Advance(attrition float64) {
	last := len(c.mass) - 1
	c.mass[last] += c.mass[last-1]
	copy(c.mass[1:last], c.mass[:last-1])
	c.mass[0] = 0
	var left float64
	for k := range c.mass {
		l := c.mass[k] * attrition
		c.mass[k] -= l
		left += l
	}
	c.mass[0] += left
}

// Hire adds seats in their first month.
func (c *AECohorts) Hire(n float64) { c.mass[0] += n }

// Tenure is the seat mass in its k-th month (k ≥ 1), 0 past the ramp.
func (c *AECohorts) Tenure(k int) float64 {
	if k < 1 || k > len(c.mass)-1 {
		return 0
	}
	return c.mass[k-1]
}

// Ramped is the seat mass past the ramp.
func (c *AECohorts) Ramped() float64 { return c.mass[len(c.mass)-1] }

// Productive is the ramped-AE equivalent: Σ mass × ramp share.
func (c *AECohorts) Productive() float64 {
	var p float64
	for k, m := range c.mass {
		p += m * RampShare(k+1, c.ramp)
	}
	return p
}

// ComputeSales runs the sales team model month by month (docs/MODELS.md §2).
// s must be valid.
func ComputeSales(s Sales, horizon int) *SalesResult { return computeSales(nil, s, horizon) }

// computeSales is ComputeSales into r's storage, which it reuses when r is
// not nil (a FastEvaluator's result from its previous compute).
func computeSales(r *SalesResult, s Sales, horizon int) *SalesResult {
	if r == nil {
		r = &SalesResult{}
	}
	*r = SalesResult{Months: slices.Grow(r.Months[:0], horizon), StageEntries: r.StageEntries[:0],
		entryMonths: slices.Grow(r.entryMonths[:0], len(s.Stages))[:len(s.Stages)], cohorts: r.cohorts}
	clear(r.entryMonths) // 0: not reached yet
	attr := MonthlyRate(s.AnnualRepAttrition)
	nrr := s.MonthlyNRR()
	team := s.StartingTeam
	aes := r.cohorts.reset(s.RampMonths, float64(team.AEs))
	arr := s.StartingARR
	stage := -1
	for m := 1; m <= horizon; m++ {
		stage = max(stage, stageFor(s.Stages, arr))
		for i := 0; i <= stage; i++ {
			if r.entryMonths[i] == 0 {
				r.entryMonths[i] = m
			}
		}
		aes.Advance(attr)
		hires := hireToward(&team, s.Stages[stage].Target(), s.MaxHiresPerMonth)
		aes.Hire(float64(hires.AEs))
		ramped := aes.Productive()
		founder := 0.0
		if s.Stages[stage].FoundersSell {
			founder = s.FounderNewARRPerMonth
		}
		newARR := founder + ramped*s.AEQuotaPerMonth*s.QuotaAttainment
		arr = arr*nrr + newARR
		r.Months = append(r.Months, SalesMonth{
			Month: m, Stage: s.Stages[stage].Name, StageIdx: stage,
			ARR: arr, NewARR: newARR, NewDeals: newARR / s.AverageACV, FounderARR: founder,
			AEs: team.AEs, SDRs: team.SDRs, VP: team.VP, Managers: team.Managers,
			Hires: hires.AEs + hires.SDRs + hires.VP + hires.Managers, RampedAEs: ramped,
			Cost: teamCost(team, s.Costs),
		})
	}
	for i, st := range s.Stages {
		e := StageEntry{Stage: st.Name}
		if r.entryMonths[i] > 0 {
			e.Month = &r.entryMonths[i]
		}
		r.StageEntries = append(r.StageEntries, e)
	}
	summarizeSales(r, s)
	return r
}

// stageFor is the highest stage whose minARR ≤ arr (stages are ordered by
// minARR and the first starts at 0).
func stageFor(stages []Stage, arr float64) int {
	idx := 0
	for i, st := range stages {
		if st.MinARR <= arr {
			idx = i
		}
	}
	return idx
}

// hireToward grows team toward target by at most limit new heads, in the
// order VP, AEs, SDRs, managers, and returns the hires by role.
func hireToward(team *Team, target Team, limit int) Team {
	var h Team
	left := limit
	take := func(have *int, want int, got *int) {
		n := min(max(want-*have, 0), left)
		*have += n
		*got = n
		left -= n
	}
	take(&team.VP, target.VP, &h.VP)
	take(&team.AEs, target.AEs, &h.AEs)
	take(&team.SDRs, target.SDRs, &h.SDRs)
	take(&team.Managers, target.Managers, &h.Managers)
	return h
}

func teamCost(t Team, c RoleCosts) float64 {
	return float64(t.AEs)*c.AE + float64(t.SDRs)*c.SDR + float64(t.VP)*c.VP + float64(t.Managers)*c.Manager
}

// summarizeSales fills the horizon figures, efficiency and AE need.
func summarizeSales(r *SalesResult, s Sales) {
	if len(r.Months) == 0 {
		return
	}
	last := r.Months[len(r.Months)-1]
	r.ARRAtHorizon = last.ARR
	r.HeadsAtHorizon = Team{AEs: last.AEs, SDRs: last.SDRs, VP: last.VP, Managers: last.Managers}
	for _, m := range r.Months {
		r.TotalCost += m.Cost
	}
	n := len(r.Months)
	from := max(n-3, 0)
	startARR := s.StartingARR
	if from > 0 {
		startARR = r.Months[from-1].ARR
	}
	var cost float64
	for _, m := range r.Months[from:] {
		cost += m.Cost
	}
	if cost > 0 {
		e := (last.ARR - startARR) / cost
		r.Efficiency = &e
	}
	if s.AEQuotaPerMonth > 0 {
		naive := s.ARRGoal / (s.AEQuotaPerMonth * 12)
		r.NaiveAENeed = &naive
		if per := firstYearARRPerSeatWith(&r.cohorts, s); per > 0 {
			adj := s.ARRGoal / per
			r.RampAdjustedAENeed = &adj
		}
	}
}

// firstYearARRPerSeat is the new ARR one AE seat hired today books in its
// first 12 months, after ramp, attainment and backfilled attrition.
func firstYearARRPerSeat(s Sales) float64 {
	return firstYearARRPerSeatWith(&AECohorts{}, s)
}

// firstYearARRPerSeatWith is firstYearARRPerSeat counting in c's storage.
func firstYearARRPerSeatWith(c *AECohorts, s Sales) float64 {
	c.reset(s.RampMonths, 0)
	c.Hire(1)
	attr := MonthlyRate(s.AnnualRepAttrition)
	var months float64
	for m := 1; m <= 12; m++ {
		if m > 1 {
			c.Advance(attr)
		}
		months += c.Productive()
	}
	return months * s.AEQuotaPerMonth * s.QuotaAttainment
}
