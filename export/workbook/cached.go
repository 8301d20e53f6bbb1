package workbook

// errNA is the error value a formula caches for a #N/A result (written
// t="e", as Excel writes it: viewers that show cached values, and charts
// drawn from them, then skip the point instead of plotting text as zero).
const errNA = "#N/A"
