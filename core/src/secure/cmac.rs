//! CMAC (NIST SP 800-38B; GB/T 15852.1 MAC algorithm 5) over SM4, one-shot, for messages held in
//! one slice: the tag of a frame [SEC-024] and the PRF of the key derivation [SEC-052].
//!
//! The block cipher is RustCrypto's `sm4` (no hand-written cipher). Only the CMAC mode is written
//! here, in place of RustCrypto's `cmac` crate, for a measured reason: the device profile's flash
//! budget (spec/security.md [SEC-070]). In the Cortex-M4 firmware build the `cmac` crate (with
//! `digest`'s block buffer, `hybrid-array` and `cmov`) linked about 0.8 KB of code for what is here
//! a few hundred bytes; the numbers are in `BENCHMARKS.md` ("Authenticated frames"). The
//! `cmac` crate stays the oracle: `core/tests/secure_cmac_oracle.rs` compares the two on random keys
//! and messages of every length up to 300 bytes, and the shared vectors (`spec/vectors/secure.json`)
//! come from an independent generator.

use sm4::Sm4;
use sm4::cipher::{BlockCipherEncrypt, KeyInit};
use zeroize::Zeroize;

/// The SM4 block length.
pub(crate) const BLOCK: usize = 16;

/// The SP 800-38B constant `R_128`: the low byte of `x^128 + x^7 + x^2 + x + 1`.
const R_128: u8 = 0x87;

/// `E_K(block)` in place.
fn encrypt(cipher: &Sm4, block: &mut [u8; BLOCK]) {
    let mut b = (*block).into();
    cipher.encrypt_block(&mut b);
    *block = b.into();
}

/// SP 800-38B §6.1 doubling in GF(2^128): shift left one bit, reduce by `R_128` on carry.
fn dbl(block: &mut [u8; BLOCK]) {
    let carry = block.first().map_or(0, |b| b >> 7);
    let mut next = 0u8;
    for b in block.iter_mut().rev() {
        let out = *b >> 7;
        *b = (*b << 1) | next;
        next = out;
    }
    if let Some(last) = block.last_mut() {
        // Constant time: the mask is 0x00 or 0xFF, no branch on key material.
        *last ^= R_128 & 0u8.wrapping_sub(carry);
    }
}

/// `x ^= m` byte by byte (the shorter length).
fn xor_into(x: &mut [u8; BLOCK], m: &[u8]) {
    for (a, b) in x.iter_mut().zip(m) {
        *a ^= *b;
    }
}

/// The full 16-byte CMAC-SM4 of `message` under the 16-byte `key` (SP 800-38B §6.2).
pub(crate) fn cmac_sm4(key: &[u8; BLOCK], message: &[u8]) -> [u8; BLOCK] {
    let cipher = Sm4::new(&(*key).into());
    // Subkeys: L = E_K(0^128), K1 = dbl(L), K2 = dbl(K1).
    let mut k = [0u8; BLOCK];
    encrypt(&cipher, &mut k);
    dbl(&mut k);
    // The last block: complete (M_n = M*_n ^ K1) only if the message is a non-empty multiple of 16.
    let complete = !message.is_empty() && message.len() % BLOCK == 0;
    let head_len = if complete {
        message.len() - BLOCK
    } else {
        message.len() - message.len() % BLOCK
    };
    let (head, last) = message.split_at_checked(head_len).unwrap_or((&[], message));
    let mut x = [0u8; BLOCK];
    for block in head.chunks_exact(BLOCK) {
        xor_into(&mut x, block);
        encrypt(&cipher, &mut x);
    }
    if !complete {
        // Padding 10*: a one bit after the last byte, and K2.
        dbl(&mut k);
        if let Some(b) = x.get_mut(last.len()) {
            *b ^= 0x80;
        }
    }
    xor_into(&mut x, last);
    xor_into(&mut x, &k);
    encrypt(&cipher, &mut x);
    k.zeroize();
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> [u8; 16] {
        let mut out = [0u8; 16];
        for (o, pair) in out.iter_mut().zip(s.as_bytes().chunks(2)) {
            let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
            *o = match pair {
                [a, b] => digit(*a) << 4 | digit(*b),
                _ => 0,
            };
        }
        out
    }

    #[test]
    fn doubling_follows_sp_800_38b() {
        // SP 800-38B D.1 (AES-128): L = 7df76b0c1ab899b33e42f047b91b546f → K1, K2.
        let mut k = hex("7df76b0c1ab899b33e42f047b91b546f");
        dbl(&mut k);
        assert_eq!(k, hex("fbeed618357133667c85e08f7236a8de"));
        dbl(&mut k);
        assert_eq!(k, hex("f7ddac306ae266ccf90bc11ee46d513b"));
    }

    #[test]
    fn the_empty_message_and_block_boundaries_differ() {
        let key = [7u8; 16];
        let empty = cmac_sm4(&key, &[]);
        let one_pad = cmac_sm4(&key, &[0x80]);
        assert_ne!(
            empty, one_pad,
            "a complete block is never confused with padding"
        );
        assert_ne!(cmac_sm4(&key, &[0; 16]), cmac_sm4(&key, &[0; 15]));
        assert_ne!(cmac_sm4(&key, &[0; 32]), cmac_sm4(&key, &[0; 31]));
    }
}
