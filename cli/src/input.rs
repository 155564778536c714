//! Reading input documents.
