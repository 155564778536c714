//! Structured GB/T 26875.3 round trip: a type flag of table 3 and 1..=max objects of random bytes
//! (with time labels where the type has them) → packet → tolerant decode gives every object →
//! typed re-encode gives the same bytes. Strict mode accepts it or names a deviation.
#![no_main]

use gasdev::gbt26875::{self as gbt, AduRepr, Header, Item, Options};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn build(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    let info = u.choose(gbt::TYPES)?;
    let label = if info.time_label { 6 } else { 0 };
    let mut body = Vec::new();
    let mut n = 0u8;
    let want = u.int_in_range(1..=info.max_count)?;
    while n < want {
        let size = match info.layout.body_len() {
            Some(b) => b,
            // Variable texts: head, length byte, text.
            None => {
                let head = if info.flag == 6 { 2 } else { 0 };
                let len: u8 = u.arbitrary()?;
                let mut obj = u.bytes(head)?.to_vec();
                obj.push(len);
                obj.extend_from_slice(u.bytes(usize::from(len))?);
                if 2 + body.len() + obj.len() > gbt::MAX_ADU_LEN {
                    break;
                }
                body.extend_from_slice(&obj);
                n += 1;
                continue;
            }
        };
        if 2 + body.len() + size + label > gbt::MAX_ADU_LEN {
            break;
        }
        body.extend_from_slice(u.bytes(size + label)?);
        n += 1;
    }
    if n == 0 {
        return Err(libfuzzer_sys::arbitrary::Error::NotEnoughData);
    }
    let h = Header {
        serial: u.arbitrary()?,
        version: gbt::Version { main: u.arbitrary()?, user: u.arbitrary()? },
        time: gbt::TimeLabel::from_bytes(u.arbitrary()?),
        source: gbt::Address::from_bytes(u.arbitrary()?),
        destination: gbt::Address::from_bytes(u.arbitrary()?),
        command: u.arbitrary()?,
    };
    let mut out = vec![0u8; gbt::MAX_LEN];
    let len = gbt::encode(&h, Some(&AduRepr::Raw { type_flag: info.flag, count: n, body: &body }), &mut out)
        .expect("raw encode");
    out.truncate(len);
    Ok(out)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(bytes) = build(&mut u) else { return };
    let d = gbt::decode(&bytes, Options::TOLERANT).expect("a well-built packet decodes");
    let a = d.adu().expect("has an ADU");
    assert!(!a.is_raw(), "objects parse");
    let info = a.info().expect("type of table 3");
    assert_eq!(a.time_labels(), info.time_label);
    let items: Vec<Item<'_>> = a.items().collect();
    assert_eq!(items.len(), usize::from(a.count()));
    let mut out = vec![0u8; gbt::MAX_LEN];
    let n = gbt::encode(d.header(), Some(&AduRepr::Objects { type_flag: a.type_flag(), items: &items }), &mut out)
        .expect("typed encode");
    assert_eq!(&out[..n], &bytes[..]);
    match gbt::decode(&bytes, Options::STRICT) {
        Ok(s) => assert_eq!(s, d),
        Err(e) => assert!(
            gbt::Deviation::ALL.iter().any(|dev| dev.code() == e.code() && d.deviations().contains(*dev)),
            "strict error {e} is one of the tolerant deviations"
        ),
    }
});
