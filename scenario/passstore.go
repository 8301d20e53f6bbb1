package scenario

import (
	"math"
	"slices"
)

// passStore finds each column's quantiles without keeping its values, by
// radix selection over passes of the runs: a run computes the same numbers
// in every pass, since its inputs come from its own generator. A value's
// bits, read as an unsigned number with the sign turned around (key), sort
// as the value does; pass 1 counts each column's values by the first
// passBits bits of their keys and learns which bucket each wanted order
// statistic falls in; each later pass either counts the next passBits bits
// of the values in that bucket, or, once a bucket holds at most
// collectCap values (or all its values are equal), keeps those values and
// selects among them. The order statistics, hence the quantiles, are exactly
// those of sorting every value: the same as memoryStore's, whatever the
// workers (docs/MODELS.md §7).
type passStore struct {
	specs [][]float64
	runs  int
	cols  []passColumn
	// groups are the buckets the next pass looks into: one per column and
	// bucket, shared by the order statistics it holds.
	groups   []passGroup
	finished bool
	first    *passSink // pass 1's merged counts
}

// passBits is how many bits of the key a pass resolves; collectCap the
// size from which a bucket is kept rather than counted again.
const (
	passBits   = 12
	passBins   = 1 << passBits
	collectCap = 4096
)

// passColumn is one column's count and the order statistics it needs.
type passColumn struct {
	count int
	// stats are the order statistics, by rank, and got their values.
	stats map[int]*orderStat
}

// orderStat is one order statistic being found: the rank-th smallest value
// (0-based), known so far to have a key starting with prefix (its first
// bits bits), with rem values of that prefix before it.
type orderStat struct {
	rank, rem int
	prefix    uint64
	bits      int
	// size is how many values have the prefix.
	size  int
	value float64
	found bool
}

// passGroup is a bucket of one column: the values whose key starts with
// prefix (bits long), holding the order statistics stats; collect says to
// keep its values rather than count them.
type passGroup struct {
	col     int
	prefix  uint64
	bits    int
	collect bool
	stats   []*orderStat
}

func newPassStore(specs [][]float64, runs int) *passStore {
	return &passStore{specs: specs, runs: runs, cols: make([]passColumn, len(specs))}
}

// key maps a value to a number that sorts as the value does (zero of
// either sign to the same key).
func key(v float64) uint64 {
	if v == 0 {
		v = 0
	}
	b := math.Float64bits(v)
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}

func (st *passStore) passes() int { return 3 }
func (st *passStore) done() bool  { return st.finished }

// passSink is a worker's share of a pass: in pass 1 every column's counts
// by first bits, its least and greatest value; later, each group's counts
// by its next bits (or its kept values), least and greatest value.
type passSink struct {
	st       *passStore
	first    bool
	counts   []uint32 // pass 1: column c's bins at c×passBins; later: group g's at g×passBins
	lo, hi   []float64
	n        []int // pass 1: values per column
	kept     [][]float64
	byColumn [][]int // later passes: the groups of each column
}

func (st *passStore) newSink() columnSink {
	if st.first == nil && st.groups == nil {
		k := &passSink{st: st, first: true, counts: make([]uint32, len(st.specs)*passBins), n: make([]int, len(st.specs)),
			lo: make([]float64, len(st.specs)), hi: make([]float64, len(st.specs))}
		for c := range k.lo {
			k.lo[c], k.hi[c] = math.Inf(1), math.Inf(-1)
		}
		return k
	}
	k := &passSink{st: st, counts: make([]uint32, len(st.groups)*passBins), kept: make([][]float64, len(st.groups)),
		lo: make([]float64, len(st.groups)), hi: make([]float64, len(st.groups)), byColumn: make([][]int, len(st.specs))}
	for g, gr := range st.groups {
		k.lo[g], k.hi[g] = math.Inf(1), math.Inf(-1)
		k.byColumn[gr.col] = append(k.byColumn[gr.col], g)
	}
	return k
}

func (k *passSink) add(_ int, row []float64) {
	if k.first {
		for c, v := range row {
			if math.IsNaN(v) {
				continue
			}
			k.counts[c*passBins+int(key(v)>>(64-passBits))]++
			k.n[c]++
			k.lo[c], k.hi[c] = min(k.lo[c], v), max(k.hi[c], v)
		}
		return
	}
	for c, gs := range k.byColumn {
		if len(gs) == 0 || math.IsNaN(row[c]) {
			continue
		}
		kv := key(row[c])
		for _, g := range gs {
			gr := &k.st.groups[g]
			if kv>>(64-gr.bits) != gr.prefix {
				continue
			}
			v := row[c]
			k.lo[g], k.hi[g] = min(k.lo[g], v), max(k.hi[g], v)
			if gr.collect {
				k.kept[g] = append(k.kept[g], v)
			} else {
				k.counts[g*passBins+int(kv<<gr.bits>>(64-stepBits(gr.bits)))]++
			}
		}
	}
}

// merge adds a worker's counts, bounds and kept values to the first sink.
func (st *passStore) merge(s columnSink) {
	k := s.(*passSink)
	if st.first == nil {
		st.first = k
		return
	}
	f := st.first
	for i, v := range k.counts {
		f.counts[i] += v
	}
	for i := range k.lo {
		f.lo[i], f.hi[i] = min(f.lo[i], k.lo[i]), max(f.hi[i], k.hi[i])
	}
	for i := range k.n {
		f.n[i] += k.n[i]
	}
	for g := range k.kept {
		f.kept[g] = append(f.kept[g], k.kept[g]...)
	}
}

// endPass resolves what the pass's counts or kept values tell, and plans
// the next pass.
func (st *passStore) endPass() {
	f := st.first
	st.first = nil
	if f.first {
		st.startColumns(f)
	} else {
		st.resolveGroups(f)
	}
	st.planGroups()
}

// startColumns reads pass 1: each column's count fixes the ranks its
// quantiles need, and its counts the bucket of each.
func (st *passStore) startColumns(f *passSink) {
	for c := range st.cols {
		col := &st.cols[c]
		col.count = f.n[c]
		col.stats = map[int]*orderStat{}
		for _, p := range st.specs[c] {
			for _, r := range quantileRanks(p, col.count) {
				if col.stats[r] == nil {
					col.stats[r] = &orderStat{rank: r}
				}
			}
		}
		for _, os := range col.stats {
			switch {
			case f.lo[c] == f.hi[c]: // every value the same
				os.value, os.found = f.lo[c], true
			default:
				os.rem = os.rank
				bucket(os, f.counts[c*passBins:(c+1)*passBins])
			}
		}
	}
}

// stepBits is how many bits of the key a pass counts after the first
// known: passBits, or what is left of the 64.
func stepBits(known int) int { return min(passBits, 64-known) }

// bucket moves os into the bin of counts that holds its rank.
func bucket(os *orderStat, counts []uint32) {
	step := stepBits(os.bits)
	for b, n := range counts[:1<<step] {
		if os.rem < int(n) {
			os.prefix, os.bits, os.size = os.prefix<<step|uint64(b), os.bits+step, int(n)
			return
		}
		os.rem -= int(n)
	}
}

// resolveGroups reads a later pass: a kept group selects its statistics;
// a counted one moves them into a narrower bucket, or finds them when the
// bucket's values are all equal or its key is complete.
func (st *passStore) resolveGroups(f *passSink) {
	for g, gr := range st.groups {
		for _, os := range gr.stats {
			switch {
			case gr.collect:
				vals := f.kept[g]
				selectKth(vals, os.rem)
				os.value, os.found = vals[os.rem], true
			case f.lo[g] == f.hi[g]:
				os.value, os.found = f.lo[g], true
			default:
				bucket(os, f.counts[g*passBins:(g+1)*passBins])
				if os.bits >= 64 {
					os.value, os.found = fromKey(os.prefix), true
				}
			}
		}
	}
}

// fromKey is key's inverse.
func fromKey(k uint64) float64 {
	if k>>63 == 1 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// planGroups gathers the statistics not yet found into the next pass's
// groups, or finishes.
func (st *passStore) planGroups() {
	st.groups = st.groups[:0]
	for c := range st.cols {
		at := map[[2]uint64]int{}
		ranks := make([]int, 0, len(st.cols[c].stats))
		for r := range st.cols[c].stats {
			ranks = append(ranks, r)
		}
		slices.Sort(ranks)
		for _, r := range ranks {
			os := st.cols[c].stats[r]
			if os.found {
				continue
			}
			k := [2]uint64{os.prefix, uint64(os.bits)}
			g, ok := at[k]
			if !ok {
				g = len(st.groups)
				at[k] = g
				st.groups = append(st.groups, passGroup{col: c, prefix: os.prefix, bits: os.bits, collect: os.size <= collectCap})
			}
			st.groups[g].stats = append(st.groups[g].stats, os)
		}
	}
	st.finished = len(st.groups) == 0
}

// quantiles computes column c's quantiles from its order statistics, as
// selectQuantiles does from its values.
func (st *passStore) quantiles(c int) ([]float64, int) {
	col := st.cols[c]
	out := make([]float64, len(st.specs[c]))
	for k, p := range st.specs[c] {
		ranks := quantileRanks(p, col.count)
		switch len(ranks) {
		case 1:
			out[k] = col.stats[ranks[0]].value
		case 2:
			a, b := col.stats[ranks[0]].value, col.stats[ranks[1]].value
			h := p * float64(col.count-1)
			out[k] = a + (h-float64(ranks[0]))*(b-a)
		}
	}
	return out, col.count
}

// quantileRanks returns the order statistics (0-based ranks) the
// p-quantile of n values interpolates between: one at the top, else two.
func quantileRanks(p float64, n int) []int {
	if n == 0 {
		return nil
	}
	lo := int(p * float64(n-1))
	if lo+1 >= n {
		return []int{n - 1}
	}
	return []int{lo, lo + 1}
}
