//! The libgasdev frame, the open access standard (`spec/frame.md`). Placeholder: see issue 4.
