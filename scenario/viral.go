package scenario

import (
	"fmt"
	"math"
	"slices"
)

// MaxUsers bounds the viral loop: more signups than this (over a hundred
// times the world's population) means the inputs are not a real plan.
const MaxUsers = 1e12

// ClassOf names the article's class of a viral coefficient K.
func ClassOf(k float64) string {
	const eps = 1e-12
	switch {
	case k > 1+eps:
		return ClassExponential
	case k >= 0.5-eps:
		return ClassSustainable
	default:
		return ClassNeedsPaid
	}
}

// monthOfDay returns the month containing day t: month m covers days
// ((m−1)·D, m·D], so a day exactly at a month's end belongs to that month.
func monthOfDay(t float64) int {
	if t <= 0 {
		return 0
	}
	return int(math.Ceil(t/DaysPerMonth - 1e-9))
}

// ChurnPerCycle is the share of active users lost in one viral cycle, the
// monthly churn compounded over the cycle's length: 1 − (1 − churn)^(c/D).
func (v Viral) ChurnPerCycle() float64 {
	return 1 - math.Pow(1-v.MonthlyChurn, v.CycleDays/DaysPerMonth)
}

// PaidInCycles returns the paid users who join in each of cycles 0..n
// (docs/MODELS.md §1): every month acquires paidUsersPerMonth users, split
// evenly over the cycles n ≥ 1 that fall in it; a month without a cycle
// hands its users to the first cycle after it. So cycle i gets
// paidUsersPerMonth × (the months between its month and the previous
// cycle's that hold no cycle, plus 1 / the cycles in its month).
func (v Viral) PaidInCycles(n int) []float64 {
	return paidPerCycle(v.PaidUsersPerMonth, v.CycleDays, n)
}

// PaidSpendPerMonth is a month's paid acquisition spend, the same every
// month: paidUsersPerMonth × paidCAC.
func (v Viral) PaidSpendPerMonth() float64 { return v.PaidUsersPerMonth * v.PaidCAC }

// ComputeViral simulates the viral loop cycle by cycle over horizon months
// (docs/MODELS.md §1). v must be valid. It fails when users grow past
// MaxUsers, which only a loop without a market size can do.
func ComputeViral(v Viral, horizon int) (*ViralResult, error) {
	return computeViral(nil, v, horizon)
}

// computeViral is ComputeViral into r's storage, which it reuses when r is
// not nil (a FastEvaluator's result from its previous compute).
func computeViral(r *ViralResult, v Viral, horizon int) (*ViralResult, error) {
	if r == nil {
		r = &ViralResult{}
	}
	k := v.K()
	*r = ViralResult{K: k, Class: ClassOf(k), Cycles: r.Cycles[:0], Months: r.Months[:0], paid: r.paid}
	if k < 1-1e-12 {
		a := 1 / (1 - k)
		r.Amplification = &a
	}
	r.Cycles, r.paid = simulateCycles(r.Cycles, r.paid, v, horizon)
	for _, c := range r.Cycles {
		if !(c.CumulativeSignups <= MaxUsers) {
			return nil, fmt.Errorf("signups pass %g by month %d; set a market size or a lower K", MaxUsers, c.Month)
		}
	}
	r.Months = rollUpMonths(r.Months, r.Cycles, horizon, v)
	summarizeViral(r, v)
	return r, nil
}

// summarizeViral fills the totals over r.Months: paid spend, the goal month
// and the effective CAC.
func summarizeViral(r *ViralResult, v Viral) {
	r.TotalPaidSpend, r.GoalMonth, r.EffectiveCAC = 0, nil, nil
	var newUsers float64
	for _, m := range r.Months {
		r.TotalPaidSpend += m.PaidSpend
		newUsers += m.NewViral + m.NewPaid
		if r.GoalMonth == nil && v.GoalUsers > 0 && m.Active >= v.GoalUsers {
			month := m.Month
			r.GoalMonth = &month
		}
	}
	if newUsers > 0 {
		cac := r.TotalPaidSpend / newUsers
		r.EffectiveCAC = &cac
	}
}

// simulateCycles runs cycles 0..N where N·cycleDays is the last cycle day
// within the horizon, appending them to cycles (reused, emptied) and
// keeping the paid users per cycle in paid (reused).
func simulateCycles(cycles []ViralCycle, paid []float64, v Viral, horizon int) ([]ViralCycle, []float64) {
	c := v.CycleDays
	n := ViralCycles(c, horizon) - 1
	churnRate := v.ChurnPerCycle()
	paid = paidPerCycleInto(paid, v.PaidUsersPerMonth, c, n)
	k := v.K()
	seed := v.SeedUsers
	if v.MarketSize > 0 {
		seed = math.Min(seed, v.MarketSize)
	}
	cycles = slices.Grow(cycles[:0], n+1)
	prev := ViralCycle{Active: seed, CumulativeSignups: seed, KEff: k}
	cycles = append(cycles, prev)
	newPrev := seed // new users of the previous cycle (once mode)
	for i := 1; i <= n; i++ {
		kEff := k
		if v.MarketSize > 0 {
			kEff = k * math.Max(0, 1-prev.CumulativeSignups/v.MarketSize)
		}
		base := newPrev
		if v.InviteMode == InviteContinuous {
			base = prev.Active
		}
		viral := kEff * base
		joined := paid[i]
		if v.MarketSize > 0 {
			room := math.Max(0, v.MarketSize-prev.CumulativeSignups)
			viral = math.Min(viral, room)
			joined = math.Min(joined, room-viral)
		}
		churned := prev.Active * churnRate
		cur := ViralCycle{
			N: i, Day: float64(i) * c, Month: monthOfDay(float64(i) * c),
			KEff: kEff, NewViral: viral, NewPaid: joined, Churned: churned,
			Active:            prev.Active - churned + viral + joined,
			CumulativeSignups: prev.CumulativeSignups + viral + joined,
		}
		cycles = append(cycles, cur)
		newPrev = viral + joined
		prev = cur
	}
	return cycles, paid
}

// paidPerCycle is PaidInCycles for perMonth users a month.
func paidPerCycle(perMonth, cycleDays float64, n int) []float64 {
	return paidPerCycleInto(nil, perMonth, cycleDays, n)
}

// paidPerCycleInto is paidPerCycle into paid's storage. Cycle months never
// decrease, so the cycles sharing a month are one run of equal months.
func paidPerCycleInto(paid []float64, perMonth, cycleDays float64, n int) []float64 {
	paid = slices.Grow(paid[:0], n+1)[:n+1]
	clear(paid)
	if perMonth == 0 || n == 0 {
		return paid
	}
	prevMonth := 0 // the seed cycle is day 0
	for i := 1; i <= n; {
		month := monthOfDay(float64(i) * cycleDays)
		end := i + 1 // cycles i..end-1 fall in month
		for end <= n && monthOfDay(float64(end)*cycleDays) == month {
			end++
		}
		skipped := max(0, month-prevMonth-1)
		for j := i; j < end; j++ {
			paid[j] = perMonth * (float64(skipped) + 1/float64(end-i))
			skipped = 0 // only the month's first cycle follows the months without one
		}
		prevMonth, i = month, end
	}
	return paid
}

// rollUpMonths sums cycle flows per month and takes stocks at month end.
// Paid spend is the month's purchase, paidUsersPerMonth × CAC, whether its
// users join in this month's cycles, a later cycle, or find a full market.
func rollUpMonths(months []ViralMonth, cycles []ViralCycle, horizon int, v Viral) []ViralMonth {
	months = slices.Grow(months[:0], horizon)[:horizon]
	last := cycles[0]
	ci := 1
	for m := 1; m <= horizon; m++ {
		vm := ViralMonth{Month: m}
		for ci < len(cycles) && cycles[ci].Month == m {
			c := cycles[ci]
			vm.NewViral += c.NewViral
			vm.NewPaid += c.NewPaid
			vm.Churned += c.Churned
			last = c
			ci++
		}
		vm.Active = last.Active
		vm.CumulativeSignups = last.CumulativeSignups
		vm.PaidSpend = v.PaidSpendPerMonth()
		months[m-1] = vm
	}
	return months
}
