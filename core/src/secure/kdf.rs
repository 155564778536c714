//! Per-device keys [SEC-052]: NIST SP 800-108 key derivation in counter mode with CMAC-SM4 as the
//! PRF, one iteration (`i = 1`, 32-bit), output 128 bits:
//!
//! `K_device = CMAC-SM4(K_master, [1]₃₂ ‖ "libgasdev frame key" ‖ 00 ‖ key_id ‖ identifier ‖ [128]₃₂)`

use zeroize::Zeroize;

use super::suite::FrameKey;

/// The SP 800-108 label [SEC-052].
pub const KDF_LABEL: &[u8] = b"libgasdev frame key";

/// The longest identifier a key is derived for: what an identity TLV can carry after its carrier
/// byte [FRAME-061].
pub const MAX_IDENTIFIER_LEN: usize = 254;

/// Why no key can be derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KdfError {
    /// Key id 0 is never a key id [SEC-050] (`FRAME_UNKNOWN_KEY_ID`).
    KeyIdZero,
    /// The identifier is empty (`IDENT_EMPTY`).
    EmptyIdentifier,
    /// The identifier is longer than [`MAX_IDENTIFIER_LEN`] bytes (`IDENT_TOO_LONG`).
    IdentifierTooLong,
}

impl KdfError {
    /// The shared error code.
    pub const fn code(self) -> crate::ErrorCode {
        match self {
            KdfError::KeyIdZero => crate::ErrorCode::FrameUnknownKeyId,
            KdfError::EmptyIdentifier => crate::ErrorCode::IdentEmpty,
            KdfError::IdentifierTooLong => crate::ErrorCode::IdentTooLong,
        }
    }
}

/// Derive the frame key of the device with `identifier` (the bytes of its active `88.` identifier as
/// announced, no normalisation) and `key_id` from the platform's `master` key [SEC-052].
///
/// # Errors
/// [`KdfError`] for key id 0 or an identifier of 0 or more than 254 bytes.
pub fn derive_device_key(
    master: &FrameKey,
    key_id: u8,
    identifier: &[u8],
) -> Result<FrameKey, KdfError> {
    if key_id == 0 {
        return Err(KdfError::KeyIdZero);
    }
    if identifier.is_empty() {
        return Err(KdfError::EmptyIdentifier);
    }
    if identifier.len() > MAX_IDENTIFIER_LEN {
        return Err(KdfError::IdentifierTooLong);
    }
    // The PRF input, [1]₃₂ ‖ label ‖ 00 ‖ key_id ‖ identifier ‖ [128]₃₂: at most 283 bytes.
    let mut input = [0u8; 4 + KDF_LABEL.len() + 2 + MAX_IDENTIFIER_LEN + 4];
    let mut len = 0;
    for part in [
        &1u32.to_be_bytes()[..],
        KDF_LABEL,
        &[0x00, key_id],
        identifier,
        &128u32.to_be_bytes(),
    ] {
        let end = len + part.len();
        if let Some(dst) = input.get_mut(len..end) {
            dst.copy_from_slice(part);
        }
        len = end;
    }
    let key = FrameKey::new(master.cmac(input.get(..len).unwrap_or_default()));
    input.zeroize();
    Ok(key)
}
