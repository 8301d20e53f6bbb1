package workbook

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scaleplan/assets"
	"scaleplan/scenario"
)

func samplePlan(t testing.TB) *scenario.Plan {
	t.Helper()
	p, err := scenario.Decode(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// edgeViralPlan has K = 1 exactly with a market cap that clips the loop:
// once mode with a cycle of exactly one month (cycles on month ends), and
// continuous mode with churn, paid users and a goal; fulfillment follows
// the viral users; and 45-day cycles, where a month without a cycle hands its
// paid users to the next one.
func edgeViralPlan(t testing.TB) *scenario.Plan {
	p := samplePlan(t)
	base := p.Scenarios[0]
	once := base.Duplicate("K=1 once, capped")
	once.HorizonMonths = 24
	once.Viral = scenario.Viral{Enabled: true, SeedUsers: 500, InvitesPerUser: 4, InviteConversion: 0.25,
		CycleDays: scenario.DaysPerMonth, InviteMode: scenario.InviteOnce, PaidUsersPerMonth: 300, PaidCAC: 20, MarketSize: 8000, GoalUsers: 4000}
	once.Fulfillment.Volume = scenario.Volume{Source: scenario.VolumeViral, OrdersPerActiveUser: 0.5}
	cont := base.Duplicate("K=1 continuous, capped")
	cont.HorizonMonths = 30
	cont.Viral = scenario.Viral{Enabled: true, SeedUsers: 200, InvitesPerUser: 2, InviteConversion: 0.5,
		CycleDays: 7, InviteMode: scenario.InviteContinuous, MonthlyChurn: 0.05, PaidUsersPerMonth: 150, PaidCAC: 12,
		MarketSize: 30000, GoalUsers: 10000}
	cont.Fulfillment.Volume = scenario.Volume{Source: scenario.VolumeViral, OrdersPerActiveUser: 0.2}
	long := base.Duplicate("45-day cycles")
	long.HorizonMonths = 24
	long.Viral = scenario.Viral{Enabled: true, SeedUsers: 100, InvitesPerUser: 1, InviteConversion: 1,
		CycleDays: 45, InviteMode: scenario.InviteOnce, MonthlyChurn: 0.02, PaidUsersPerMonth: 400, PaidCAC: 30, MarketSize: 6000}
	p.Name = "Edge: K = 1 with a market cap"
	p.Scenarios = []scenario.Scenario{once, cont, long}
	return p
}

// unequalPlan is the sample with unequal horizons: Base runs 60 months,
// Aggressive 36 and Conservative 48, so the Summary compares them at month
// 36 and takes Base's and Conservative's figures before their horizons
// (Base also enters a stage after month 36).
func unequalPlan(t testing.TB) *scenario.Plan {
	p := samplePlan(t)
	p.Name = "Unequal horizons"
	for i, h := range []int{60, 36, 48} {
		p.Scenarios[i].HorizonMonths = h
	}
	return p
}

// salesPlan crosses every stage, once with ramp 0 and once with ramp 6.
func salesPlan(t testing.TB) *scenario.Plan {
	p := samplePlan(t)
	var ss []scenario.Scenario
	for _, ramp := range []int{0, 6} {
		s := p.Scenarios[0].Duplicate(map[int]string{0: "Ramp 0", 6: "Ramp 6"}[ramp])
		s.HorizonMonths = 72
		s.Sales.StartingARR = 500000
		s.Sales.FounderNewARRPerMonth = 60000
		s.Sales.AEQuotaPerMonth = 80000
		s.Sales.QuotaAttainment = 0.9
		s.Sales.RampMonths = ramp
		s.Sales.AnnualRepAttrition = 0.3
		s.Sales.MaxHiresPerMonth = 3
		s.Sales.AnnualNetRevenueRetention = 1.15
		s.Sales.StartingTeam = scenario.Team{AEs: 1}
		ss = append(ss, s)
	}
	p.Name = "Edge: sales through every stage"
	p.Scenarios = ss
	return p
}

// Text that a spreadsheet would take for a formula if written carelessly.
var injections = []string{`=HYPERLINK("http://example.com","x")`, "+1", "-2", "@SUM(A1)"}

// namesPlan has scenario names that are too long, collide once shortened,
// hold []:*?/\ or apostrophes, and user text that looks like formulas.
func namesPlan(t testing.TB) *scenario.Plan {
	p := samplePlan(t)
	base := p.Scenarios[0]
	names := []string{
		"A very long scenario name, version one",
		"A very long scenario name, version two",
		"It's [Q1/Q2]: *best*? \\ case",
		"'Quoted'",
		injections[0],
	}
	var ss []scenario.Scenario
	for i, n := range names {
		s := base.Duplicate(n)
		s.HorizonMonths = 14
		s.Notes = injections[i%len(injections)]
		ss = append(ss, s)
	}
	mk := &ss[0].Markets
	for i := range injections {
		mk.Markets[i].Name = injections[i]
		mk.Markets[i].Notes = injections[(i+1)%len(injections)]
		mk.Factors[i].Name = injections[i]
	}
	ss[0].Fulfillment.Models[0].Name = "+1"
	ss[0].Sales.Stages[0].Name = "=1+1"
	p.Name = "@SUM(A1)"
	p.Scenarios = ss
	return p
}

// writeTemp writes p's workbook to dir/name and returns the path.
func writeTemp(t testing.TB, dir, name string, p *scenario.Plan) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := WriteFile(path, p, Options{}); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return path
}

func open(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func openBytes(t testing.TB, p *scenario.Plan) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// scratchRows returns a row store in a temporary file removed after the
// test.
func scratchRows(t testing.TB) *rowStore {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "rows")
	if err != nil {
		t.Fatal(err)
	}
	rs := newRowStore(f)
	t.Cleanup(func() {
		rs.close()
		f.Close()
	})
	return rs
}

// saveBuilder writes the package of b's sheets to path, as Write does.
func saveBuilder(t testing.TB, b *builder, path string) {
	t.Helper()
	var skeleton bytes.Buffer
	if _, err := b.f.WriteTo(&skeleton); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := b.finishPackage(&out, skeleton.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// chartParts are the chart parts (xl/charts/chartN.xml) of the workbook
// data, by part name.
func chartParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, e := range z.File {
		if strings.HasPrefix(e.Name, "xl/charts/chart") {
			parts[e.Name] = readZip(t, e)
		}
	}
	return parts
}
