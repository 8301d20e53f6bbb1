package workbook

import (
	"bufio"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"scaleplan/scenario"
)

// largePlan is n copies of the sample's Base scenario over 240 months of
// one-day viral cycles (7,306 cycle rows each): issue 9's worst case.
func largePlan(t testing.TB, n int) *scenario.Plan {
	t.Helper()
	p := samplePlan(t)
	base := p.Scenarios[0]
	base.HorizonMonths = 240
	base.Viral.CycleDays = 1
	base.Fulfillment.Volume.MonthlyGrowth = 0.05
	p.Scenarios = nil
	for i := range n {
		p.Scenarios = append(p.Scenarios, base.Duplicate(fmt.Sprintf("S%d", i+1)))
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

// peakRSS returns the process's peak resident set in MB (VmHWM), or -1
// where /proc does not say.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return -1
}

// resetPeakRSS starts a new peak from the current resident set (Linux:
// writing 5 to clear_refs), after returning freed memory to the system.
func resetPeakRSS() {
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// BenchmarkExportLarge writes the workbook of 10, 50 and 100 scenarios of
// 240 months of one-day cycles and reports the peak resident set of the
// process during the export (peak-MB) and the workbook's size (file-MB):
// memory grows with the sheets' decoration, not with their cells
// (README.md, "Performance").
func BenchmarkExportLarge(b *testing.B) {
	for _, n := range []int{10, 50, 100} {
		p := largePlan(b, n)
		b.Run(fmt.Sprintf("scenarios=%d", n), func(b *testing.B) {
			var size int64
			peak := 0.0
			for b.Loop() {
				resetPeakRSS()
				cw := &countingWriter{}
				if err := Write(cw, p, Options{}); err != nil {
					b.Fatal(err)
				}
				size = cw.n
				peak = max(peak, peakRSS())
			}
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(float64(size)/(1<<20), "file-MB")
		})
	}
}

// countingWriter counts and discards what is written.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

// TestLargeExportMemoryIsBounded: the workbook of 20 scenarios of 240
// months of one-day cycles (146,120 cycle rows, 32 MB) is written with a
// peak resident set under 300 MB; before the cells went to a scratch file
// it took about 1 GB (10 scenarios 470 MB, 50 2.6 GB). Skipped with -short.
func TestLargeExportMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("a 32 MB workbook")
	}
	if peakRSS() < 0 {
		t.Skip("no /proc/self/status")
	}
	p := largePlan(t, 20)
	resetPeakRSS()
	cw := &countingWriter{}
	if err := Write(cw, p, Options{}); err != nil {
		t.Fatal(err)
	}
	peak := peakRSS()
	t.Logf("20 scenarios: %.0f MB written, peak resident set %.0f MB", float64(cw.n)/(1<<20), peak)
	if peak > 300 {
		t.Errorf("peak resident set %.0f MB, want under 300 MB", peak)
	}
}

// TestCRC32Combine: the CRC of a+b from the CRCs of a and b equals the CRC
// of a+b computed directly, for lengths around the bit and byte edges.
func TestCRC32Combine(t *testing.T) {
	data := make([]byte, 70000)
	for i := range data {
		data[i] = byte(i*131 + i>>7)
	}
	for _, cut := range []int{0, 1, 2, 3, 7, 8, 100, 4096, 65537, 69999, 70000} {
		a, b := data[:cut], data[cut:]
		got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b)))
		if want := crc32.ChecksumIEEE(data); got != want {
			t.Errorf("cut at %d: %08x, want %08x", cut, got, want)
		}
	}
}
