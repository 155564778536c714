//! The capture scanner of `gasdev decode --stream` (`cli/src/scan.rs`, compiled from its source:
//! the CLI is a binary crate) on any bytes: no panic; items come in order and account for every
//! byte exactly once (each starts where the previous ended, the last ends at the input's end);
//! runs of skipped bytes never touch each other; a frame re-decodes from its bytes and a packet
//! (its length the packet's) starts with `@@` and ends with `##`; a rejected candidate is one byte.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../cli/src/scan.rs"]
mod scan;

use scan::Found;

fuzz_target!(|data: &[u8]| {
    let mut next = 0usize;
    let mut last_skipped = false;
    scan::scan(data, |pos, len, found| {
        assert_eq!(pos, next, "items are contiguous");
        assert!(len > 0 && pos + len <= data.len());
        let bytes = &data[pos..pos + len];
        let skipped = matches!(found, Found::Skipped);
        assert!(!(skipped && last_skipped), "two skipped runs in a row");
        last_skipped = skipped;
        match found {
            Found::Skipped => {}
            Found::Frame(repr) => assert_eq!(gasdev::wire::decode(bytes).ok(), Some(repr)),
            Found::Packet(d) => {
                assert_eq!(d.packet_len(), len);
                assert!(bytes.starts_with(b"@@") && bytes.ends_with(b"##"));
            }
            Found::PacketError(e) => {
                assert!(bytes.starts_with(b"@@") && bytes.ends_with(b"##"));
                assert!(e.offset() <= len);
            }
            Found::FrameRejected(e) => {
                assert_eq!(len, 1);
                assert!(e.offset() <= data.len() - pos);
            }
            Found::PacketRejected(e) => {
                assert_eq!(len, 1);
                assert!(e.offset() <= data.len() - pos);
            }
        }
        next = pos + len;
    });
    assert_eq!(next, data.len(), "every byte accounted for");
});
