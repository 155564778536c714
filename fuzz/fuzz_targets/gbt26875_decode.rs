//! GB/T 26875.3 decoding of arbitrary bytes never panics, in either mode, and what it accepts is
//! consistent: strict ⊆ tolerant, every accepted packet re-encodes to its own bytes, every object
//! iterates and its text decodes. Each input is also tried with its envelope repaired (markers,
//! length and checksum made to fit), so the fuzzer reaches the object parsers behind the checksum.
#![no_main]

use gasdev::gbt26875::{self as gbt, Mode, Object, Options};
use libfuzzer_sys::fuzz_target;

fn check(bytes: &[u8]) {
    let tolerant = gbt::decode(bytes, Options::TOLERANT);
    let strict = gbt::decode(bytes, Options::STRICT);
    let _ = gbt::decode(bytes, Options { mode: Mode::Tolerant, verify_checksum: false });
    if let Ok(s) = &strict {
        assert!(s.deviations().is_empty());
        assert_eq!(Some(s), tolerant.as_ref().ok());
    }
    let Ok(d) = tolerant else { return };
    // Raw re-encoding gives the packet's bytes.
    let mut out = [0u8; gbt::MAX_LEN];
    let adu = d.adu().map(|a| a.repr());
    let n = gbt::encode(d.header(), adu.as_ref(), &mut out).expect("re-encode");
    assert_eq!(out.get(..n), bytes.get(..d.packet_len()));
    if let Some(a) = d.adu() {
        let mut count = 0usize;
        for item in a.items() {
            count += 1;
            match item.object {
                Object::ComponentStatus { description, .. } | Object::ComponentConfig { description, .. } => {
                    let t = description.text();
                    assert_eq!(t.replaced(), !description.is_well_formed());
                }
                Object::SystemConfig { text, .. } | Object::UitdConfig { text } => {
                    let mut buf = [0u8; 3 * 255 + 3];
                    gbt::decode_text(text, &mut buf).expect("text fits its buffer");
                }
                _ => {}
            }
        }
        if !a.is_raw() {
            assert_eq!(count, usize::from(a.count()));
        }
    }
    let _ = serde_json::to_string(&d).expect("JSON form");
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let _ = gbt::find_packet(data);
    let _ = gbt::peek_header(data);
    let mut hex = [0u8; 512];
    let _ = gbt::decode_hex_text(data, &mut hex);
    // Repair the envelope around the first ≤ 1024 bytes after a 27-byte header.
    if data.len() >= 27 {
        let (head, rest) = data.split_at(27);
        let adu = &rest[..rest.len().min(gbt::MAX_ADU_LEN)];
        let mut p = Vec::with_capacity(30 + adu.len());
        p.extend_from_slice(&gbt::START);
        p.extend_from_slice(&head[2..24]);
        p.extend_from_slice(&(adu.len() as u16).to_le_bytes());
        p.push(head[26]);
        p.extend_from_slice(adu);
        p.push(gbt::checksum(&p[2..]));
        p.extend_from_slice(&gbt::END);
        check(&p);
    }
});
