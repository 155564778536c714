//! GB/T 26875.3-2011 fire-alarm transmission packets (`spec/gbt26875.md`). Placeholder: see issue 5.
