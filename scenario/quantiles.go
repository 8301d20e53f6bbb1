package scenario

import (
	"math"
	"math/bits"
	"slices"
	"sync"
)

// DefaultMemoryBudget bounds the memory a simulation keeps of its runs'
// rows (every output in every month, the cash needed and the metrics of
// every run): 256 MiB, 10,000 runs of a 120-month scenario with every module
// on taking 60 MB (docs/MODELS.md §7).
const DefaultMemoryBudget = 256 << 20

// columnStore keeps the numbers the runs report, one column per number,
// and finds each column's quantiles. Runs report in any order, from any
// worker; the quantiles depend only on the set of values, so they are the
// same whatever the workers.
type columnStore interface {
	// passes is the number of passes over the runs the store expects to
	// need (for progress).
	passes() int
	// done reports whether the store has what it needs.
	done() bool
	// newSink returns a worker's place to report rows in this pass.
	newSink() columnSink
	// merge takes a worker's sink at the end of a pass.
	merge(columnSink)
	// endPass ends a pass over every run.
	endPass()
	// quantiles returns column c's quantiles (in its spec's order) over the
	// runs where it is a number (not NaN), and how many runs that is.
	quantiles(c int) ([]float64, int)
}

// columnSink takes run i's row.
type columnSink interface {
	add(i int, row []float64)
}

// newColumnStore returns a store for runs rows of len(specs) columns, where
// column c needs quantiles specs[c]: every value in memory when they fit
// in budget bytes (0: DefaultMemoryBudget), else a store that finds the
// quantiles in passes.
func newColumnStore(specs [][]float64, runs, budget, workers int) columnStore {
	if budget <= 0 {
		budget = DefaultMemoryBudget
	}
	if len(specs)*runs > budget/8 {
		return newPassStore(specs, runs)
	}
	blocks := (runs + storeBlock - 1) / storeBlock
	return &memoryStore{specs: specs, runs: runs, workers: workers, vals: make([]float64, blocks*storeBlock*len(specs))}
}

// memoryStore keeps every value, in blocks of storeBlock runs: run i's
// value of column c is vals[(i/storeBlock)×storeBlock×cols + c×storeBlock +
// i%storeBlock]. A run writes within one block (a few hundred KB), and a
// column reads storeBlock values at a time.
type memoryStore struct {
	specs   [][]float64
	runs    int
	workers int
	vals    []float64
	q       [][]float64
	counts  []int
}

func (st *memoryStore) passes() int         { return 1 }
func (st *memoryStore) done() bool          { return st.q != nil }
func (st *memoryStore) newSink() columnSink { return st }
func (st *memoryStore) merge(columnSink)    {}

// add writes run i's row; workers write different runs, so different
// elements.
func (st *memoryStore) add(i int, row []float64) {
	block := st.vals[i/storeBlock*storeBlock*len(row):]
	for c, v := range row {
		block[c*storeBlock+i%storeBlock] = v
	}
}

// storeBlock is the number of runs in a block of memoryStore.
const storeBlock = 64

// endPass selects every column's quantiles, the columns shared among the
// workers.
func (st *memoryStore) endPass() {
	st.q, st.counts = make([][]float64, len(st.specs)), make([]int, len(st.specs))
	var wg sync.WaitGroup
	for w := range max(st.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			col := make([]float64, st.runs)
			for c := w; c < len(st.specs); c += max(st.workers, 1) {
				n := 0
				for i := 0; i < st.runs; i += storeBlock {
					at := i*len(st.specs) + c*storeBlock
					for _, v := range st.vals[at : at+min(storeBlock, st.runs-i)] {
						if !math.IsNaN(v) {
							col[n] = v
							n++
						}
					}
				}
				st.counts[c] = n
				st.q[c] = selectQuantiles(col[:n], st.specs[c])
			}
		}()
	}
	wg.Wait()
	st.vals = nil
}

func (st *memoryStore) quantiles(c int) ([]float64, int) { return st.q[c], st.counts[c] }

// selectQuantiles returns the ps-quantiles (ascending) of xs, as quantile
// would of xs sorted, reordering xs but sorting none of it: each quantile
// needs the two order statistics around its rank, found by selection.
// Empty xs gives zeros.
func selectQuantiles(xs []float64, ps []float64) []float64 {
	out := make([]float64, len(ps))
	if len(xs) == 0 {
		return out
	}
	from := 0 // xs[:from] holds the from smallest values, xs[from-1] in its sorted place
	for k, p := range ps {
		h := p * float64(len(xs)-1)
		lo := int(h)
		if lo+1 >= len(xs) {
			lo = len(xs) - 1
		}
		if lo >= from {
			selectKth(xs[from:], lo-from)
			from = lo + 1
		}
		if lo+1 >= len(xs) {
			out[k] = xs[lo]
			continue
		}
		next := slices.Min(xs[lo+1:]) // xs[lo] is in place: the next order statistic is the least after it
		out[k] = xs[lo] + (h-float64(lo))*(next-xs[lo])
	}
	return out
}

// selectKth reorders xs so that xs[k] is the value a sort would put there,
// with nothing larger before it and nothing smaller after it (Hoare's
// selection with a median-of-three pivot, sorting outright if the
// partitions stay lopsided).
func selectKth(xs []float64, k int) {
	lo, hi := 0, len(xs)-1
	for budget := 2 * bits.Len(uint(len(xs))); hi > lo; budget-- {
		if hi-lo < 16 || budget == 0 {
			slices.Sort(xs[lo : hi+1])
			return
		}
		mid := lo + (hi-lo)/2
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // xs[j+1:i] all equal the pivot
		}
	}
}
