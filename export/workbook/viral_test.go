package workbook

import (
	"bytes"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// TestViralChartHasBothSeries: the viral sheet's chart shows active users
// and cumulative signups, two series.
func TestViralChartHasBothSeries(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, samplePlan(t), Options{}); err != nil {
		t.Fatal(err)
	}
	found := 0
	for name, x := range chartParts(t, buf.Bytes()) {
		if !strings.Contains(x, "Active users and cumulative signups") {
			continue
		}
		found++
		if n := strings.Count(x, "<ser>"); n != 2 {
			t.Errorf("%s: %d series, want 2 (active users, cumulative signups)", name, n)
		}
	}
	if found != 3 {
		t.Errorf("%d viral charts, want one per sample scenario (3)", found)
	}
}

// TestGoalMetAtExactlyTheGoal: active users equal to the goal have reached
// it. With no invites, churn or paid users, 1,000 seed users stay 1,000 in
// every month, so a goal of 1,000 is met in month 1 and every month after.
func TestGoalMetAtExactlyTheGoal(t *testing.T) {
	p := samplePlan(t)
	s := &p.Scenarios[0]
	s.Viral = scenario.Viral{Enabled: true, SeedUsers: 1000, CycleDays: 14, InviteMode: scenario.InviteOnce, GoalUsers: 1000}
	p.Scenarios = p.Scenarios[:1]
	f := openBytes(t, p)
	sheet := s.Name + suffixViral
	for m := 1; m <= s.HorizonMonths; m++ {
		if got := num(t, f, sheet, cellName(vGoal, firstRow+m-1)); got != 1 {
			t.Fatalf("%s month %d: goal met = %v, want 1", sheet, m, got)
		}
	}
	if got := num(t, f, sheet, "B27"); got != 1 {
		t.Errorf("%s!B27 (month the goal is reached) = %v, want 1", sheet, got)
	}
}
