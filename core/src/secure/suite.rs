//! Suite 1: SM4-CMAC with an 8-byte tag [SEC-023]. SM4 (GB/T 32907-2016) comes from RustCrypto's
//! `sm4` crate: nothing here is a hand-written cipher. The CMAC mode (NIST SP 800-38B) is
//! `super::cmac`, checked against RustCrypto's `cmac` crate (see there why it is not that crate).

use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::cmac::cmac_sm4;

/// The suite id of SM4-CMAC with an 8-byte tag [SEC-022].
pub const SUITE_SM4_CMAC: u8 = 0x01;

/// The length of a key, in bytes (SM4: 128 bits) [SEC-050].
pub const KEY_LEN: usize = 16;

/// The length of the truncated tag, in bytes [SEC-023].
pub const TAG_LEN: usize = 8;

/// A 16-byte SM4 key: a device's frame key [SEC-051] or a platform's master key [SEC-052].
///
/// It never prints its bytes (`Debug` shows `FrameKey(..)`) and is zeroised when dropped
/// [SEC-054]. It is deliberately neither `Copy` nor `Clone`: a key is moved, not duplicated.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct FrameKey([u8; KEY_LEN]);

impl FrameKey {
    /// A key from its 16 bytes. The caller zeroises its own copy of `bytes` where it can.
    pub const fn new(bytes: [u8; KEY_LEN]) -> FrameKey {
        FrameKey(bytes)
    }

    /// A key from a slice of exactly 16 bytes, `None` for any other length.
    pub fn from_slice(bytes: &[u8]) -> Option<FrameKey> {
        <[u8; KEY_LEN]>::try_from(bytes).ok().map(FrameKey)
    }

    /// The key's bytes, e.g. to store it in a secure element. Never log them [SEC-054].
    pub const fn expose_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The full 16-byte CMAC-SM4 of `message` (NIST SP 800-38B): the PRF of the key derivation
    /// [SEC-052]; its leftmost 8 bytes are a frame's tag [SEC-023].
    pub fn cmac(&self, message: &[u8]) -> [u8; 16] {
        cmac_sm4(&self.0, message)
    }

    /// The 8-byte tag of `message` [SEC-023]: the leftmost 8 bytes of its CMAC.
    pub(crate) fn tag(&self, message: &[u8]) -> [u8; TAG_LEN] {
        let full = self.cmac(message);
        let mut tag = [0u8; TAG_LEN];
        for (t, f) in tag.iter_mut().zip(full.iter()) {
            *t = *f;
        }
        tag
    }

    /// Whether `tag` is the 8-byte tag of `message`, compared in constant time [SEC-024].
    pub(crate) fn verify(&self, message: &[u8], tag: &[u8]) -> bool {
        if tag.len() != TAG_LEN {
            return false;
        }
        let mut full = self.cmac(message);
        let ok = full
            .get(..TAG_LEN)
            .is_some_and(|t| bool::from(t.ct_eq(tag)));
        full.zeroize();
        ok
    }
}

impl core::fmt::Debug for FrameKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // [SEC-054] never print a key.
        f.write_str("FrameKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sm4::Sm4;
    use sm4::cipher::{BlockCipherEncrypt, KeyInit};

    #[test]
    fn sm4_matches_the_gbt_32907_example() {
        // GB/T 32907-2016 appendix A: key = plaintext = 0123456789abcdeffedcba9876543210.
        let k: [u8; 16] = [
            0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54,
            0x32, 0x10,
        ];
        let cipher = Sm4::new(&k.into());
        let mut block = k.into();
        cipher.encrypt_block(&mut block);
        let out: [u8; 16] = block.into();
        assert_eq!(
            out,
            [
                0x68, 0x1e, 0xdf, 0x34, 0xd2, 0x06, 0x96, 0x5e, 0x86, 0xb3, 0xe9, 0x4f, 0x53, 0x6e,
                0x42, 0x46
            ]
        );
    }

    #[test]
    fn keys_never_print_their_bytes() {
        extern crate alloc;
        let key = FrameKey::new([0x42; 16]);
        assert_eq!(alloc::format!("{key:?}"), "FrameKey(..)");
    }

    #[test]
    fn tag_is_the_left_half_and_verifies_only_itself() {
        let key = FrameKey::new([7; 16]);
        let full = key.cmac(b"abc");
        let tag = key.tag(b"abc");
        assert_eq!(&full[..8], &tag[..]);
        assert!(key.verify(b"abc", &tag));
        assert!(!key.verify(b"abd", &tag));
        assert!(!key.verify(b"abc", &full));
        assert!(!key.verify(b"abc", &[]));
    }
}
