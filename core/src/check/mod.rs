//! Declaration and catalogue checks. Placeholder.
