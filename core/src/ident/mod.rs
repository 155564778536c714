//! Industrial-internet identifiers (`spec/identifiers.md`). Placeholder: see issue 3.
