//! Property tests of the GB/T 26875.3 codec: round trips for every type flag, decoding never
//! panics, strict ⊆ tolerant, the checksum catches every single-byte change, stream resync.

use gasdev::ErrorCode;
use gasdev::gbt26875::{
    self as gbt, Address, AduRepr, Answer, ComponentId, Description, Found, Header, Item, Layout,
    Mode, Object, Options, SystemId, TimeLabel, Version,
};
use proptest::prelude::*;

fn time() -> impl Strategy<Value = TimeLabel> {
    any::<[u8; 6]>().prop_map(TimeLabel::from_bytes)
}

fn valid_time() -> impl Strategy<Value = TimeLabel> {
    (
        2000u16..=2099,
        1u8..=12,
        1u8..=28,
        0u8..=23,
        0u8..=59,
        0u8..=59,
    )
        .prop_map(|(y, mo, d, h, mi, s)| TimeLabel::new(y, mo, d, h, mi, s))
}

fn header() -> impl Strategy<Value = Header> {
    (
        any::<u16>(),
        any::<[u8; 2]>(),
        time(),
        0..=Address::MAX,
        0..=Address::MAX,
        any::<u8>(),
    )
        .prop_map(|(serial, [main, user], time, s, d, command)| Header {
            serial,
            version: Version { main, user },
            time,
            source: Address::new(s).unwrap(),
            destination: Address::new(d).unwrap(),
            command,
        })
}

fn system() -> impl Strategy<Value = SystemId> {
    any::<[u8; 2]>().prop_map(|[system_type, system_address]| SystemId {
        system_type,
        system_address,
    })
}

fn component() -> impl Strategy<Value = ComponentId> {
    (any::<[u8; 3]>(), any::<u32>()).prop_map(
        |([system_type, system_address, component_type], component_address)| ComponentId {
            system_type,
            system_address,
            component_type,
            component_address,
        },
    )
}

fn description() -> impl Strategy<Value = Description> {
    any::<[u8; 31]>().prop_map(Description::from_bytes)
}

fn text() -> impl Strategy<Value = &'static [u8]> {
    proptest::collection::vec(any::<u8>(), 0..=255).prop_map(|v| &*Box::leak(v.into_boxed_slice()))
}

/// Any body of `layout` (arbitrary bytes in every field, reserved ones included).
fn object(layout: Layout) -> BoxedStrategy<Object<'static>> {
    match layout {
        Layout::SystemStatus => (system(), any::<u16>())
            .prop_map(|(system, status)| Object::SystemStatus { system, status })
            .boxed(),
        Layout::ComponentStatus => (component(), any::<u16>(), description())
            .prop_map(|(component, status, description)| Object::ComponentStatus {
                component,
                status,
                description,
            })
            .boxed(),
        Layout::AnalogValue => (component(), any::<u8>(), any::<i16>())
            .prop_map(|(component, analog_type, value)| Object::AnalogValue {
                component,
                analog_type,
                value,
            })
            .boxed(),
        Layout::Operation => (system(), any::<u8>(), any::<u8>())
            .prop_map(|(system, operation, operator)| Object::Operation {
                system,
                operation,
                operator,
            })
            .boxed(),
        Layout::SoftwareVersion => (system(), any::<u8>(), any::<u8>())
            .prop_map(|(system, major, minor)| Object::SoftwareVersion {
                system,
                major,
                minor,
            })
            .boxed(),
        Layout::SystemConfig => (system(), text())
            .prop_map(|(system, text)| Object::SystemConfig { system, text })
            .boxed(),
        Layout::ComponentConfig => (component(), description())
            .prop_map(|(component, description)| Object::ComponentConfig {
                component,
                description,
            })
            .boxed(),
        Layout::SystemTime => (system(), time())
            .prop_map(|(system, time)| Object::SystemTime { system, time })
            .boxed(),
        Layout::UitdStatus => any::<u8>()
            .prop_map(|status| Object::UitdStatus { status })
            .boxed(),
        Layout::UitdOperation => (any::<u8>(), any::<u8>())
            .prop_map(|(operation, operator)| Object::UitdOperation {
                operation,
                operator,
            })
            .boxed(),
        Layout::UitdVersion => (any::<u8>(), any::<u8>())
            .prop_map(|(major, minor)| Object::UitdVersion { major, minor })
            .boxed(),
        Layout::UitdConfig => text().prop_map(|text| Object::UitdConfig { text }).boxed(),
        Layout::UitdTime => time().prop_map(|time| Object::UitdTime { time }).boxed(),
        Layout::ReadSystem => system()
            .prop_map(|system| Object::ReadSystem { system })
            .boxed(),
        Layout::ReadComponent => (system(), any::<u32>())
            .prop_map(|(system, component_address)| Object::ReadComponent {
                system,
                component_address,
            })
            .boxed(),
        Layout::ReadOperations => (system(), any::<u8>(), time())
            .prop_map(
                |(system, record_count, start_time)| Object::ReadOperations {
                    system,
                    record_count,
                    start_time,
                },
            )
            .boxed(),
        Layout::ReadUitdOperations => (any::<u8>(), time())
            .prop_map(|(record_count, start_time)| Object::ReadUitdOperations {
                record_count,
                start_time,
            })
            .boxed(),
        Layout::Reserved => any::<u8>()
            .prop_map(|reserved| Object::Reserved { reserved })
            .boxed(),
        Layout::ClockSync => time().prop_map(|time| Object::ClockSync { time }).boxed(),
        Layout::AttendanceCheck => any::<u8>()
            .prop_map(|timeout_minutes| Object::AttendanceCheck { timeout_minutes })
            .boxed(),
    }
}

/// A type flag of 表3 and 1..=max objects of it (each with a time label where the type has one),
/// small enough for one ADU.
fn typed_adu() -> impl Strategy<Value = (u8, Vec<Item<'static>>)> {
    proptest::sample::select(gbt::TYPES).prop_flat_map(|info| {
        let per = info.layout.body_len().unwrap_or(258) + if info.time_label { 6 } else { 0 };
        let max = usize::from(info.max_count).min(1022 / per).max(1);
        let item = (object(info.layout), time()).prop_map(move |(o, t)| Item {
            object: o,
            time: info.time_label.then_some(t),
        });
        (Just(info.flag), proptest::collection::vec(item, 1..=max))
    })
}

fn encode(h: &Header, adu: Option<&AduRepr<'_>>) -> Vec<u8> {
    let mut out = vec![0u8; gbt::MAX_LEN];
    let n = gbt::encode(h, adu, &mut out).unwrap();
    out.truncate(n);
    out
}

fn tolerant() -> Options {
    Options {
        mode: Mode::Tolerant,
        verify_checksum: true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every type flag: typed objects → encode → decode gives the same header and objects.
    #[test]
    fn typed_round_trip_every_type_flag((flag, items) in typed_adu(), h in header()) {
        let bytes = encode(&h, Some(&AduRepr::Objects { type_flag: flag, items: &items }));
        prop_assert_eq!(bytes.len(), 30 + usize::from(u16::from_le_bytes([bytes[24], bytes[25]])));
        let d = gbt::decode(&bytes, tolerant()).unwrap();
        prop_assert_eq!(d.header(), &h);
        let adu = d.adu().unwrap();
        prop_assert_eq!(adu.type_flag(), flag);
        prop_assert!(!adu.is_raw());
        let back: Vec<Item<'_>> = adu.items().collect();
        prop_assert_eq!(&back, &items);
        // Re-encoding the decoded objects gives the same bytes.
        prop_assert_eq!(encode(d.header(), Some(&AduRepr::Objects { type_flag: flag, items: &back })), bytes.clone());
        // Raw re-encoding too.
        prop_assert_eq!(encode(d.header(), Some(&adu.repr())), bytes);
    }

    /// Conformant objects (valid times, reserved bits clear, well-formed text) decode in strict mode.
    #[test]
    fn conformant_packets_pass_strict(t in valid_time(), st in any::<u8>(), status in 0u16..0x0200, n in 1usize..=22) {
        let d = Description::from_text("厨房燃气 Kitchen").unwrap();
        let obj = Object::ComponentStatus {
            component: ComponentId { system_type: st, system_address: 1, component_type: 11, component_address: 5 },
            status,
            description: d,
        };
        let items = vec![Item::at(obj, t); n];
        let h = Header { serial: 7, version: Version::STANDARD, time: t, source: 1.into(), destination: 0.into(), command: 2 };
        let bytes = encode(&h, Some(&AduRepr::Objects { type_flag: 2, items: &items }));
        let d = gbt::decode(&bytes, Options::STRICT).unwrap();
        prop_assert!(d.deviations().is_empty());
        prop_assert_eq!(d.adu().unwrap().items().count(), n);
    }

    /// Raw ADUs of any type flag and count survive encode → decode byte for byte.
    #[test]
    fn raw_round_trip(h in header(), flag in any::<u8>(), count in any::<u8>(), body in proptest::collection::vec(any::<u8>(), 0..=1022)) {
        let bytes = encode(&h, Some(&AduRepr::Raw { type_flag: flag, count, body: &body }));
        let d = gbt::decode(&bytes, tolerant()).unwrap();
        prop_assert_eq!(d.header(), &h);
        prop_assert_eq!(d.adu_bytes().len(), body.len() + 2);
        prop_assert_eq!(encode(d.header(), Some(&d.adu().unwrap().repr())), bytes);
    }

    /// Decoding arbitrary bytes never panics, in either mode, and strict ⊆ tolerant.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1100)) {
        check_any(&bytes);
    }

    /// Packets with a valid envelope and arbitrary ADU bytes reach the object parsers.
    #[test]
    fn arbitrary_adus_never_panic(h in header(), adu in proptest::collection::vec(any::<u8>(), 0..=1024), small_type in 0u8..100) {
        let mut adu = adu;
        if let Some(t) = adu.first_mut() {
            // Mostly known type flags, so the parsers of every layout run.
            *t = if *t < 200 { small_type } else { *t };
        }
        let mut bytes = encode(&h, None);
        bytes.truncate(27);
        bytes[24..26].copy_from_slice(&u16::try_from(adu.len()).unwrap().to_le_bytes());
        bytes.extend_from_slice(&adu);
        bytes.push(gbt::checksum(&bytes[2..]));
        bytes.extend_from_slice(b"##");
        prop_assert!(gbt::decode(&bytes, tolerant()).is_ok() || adu.len() == 1);
        check_any(&bytes);
    }

    /// Changing any one byte of the control unit (other than the length) or the ADU is caught.
    #[test]
    fn checksum_catches_single_byte_changes((flag, items) in typed_adu(), h in header(), pos in any::<prop::sample::Index>(), delta in 1u8..=255) {
        let mut bytes = encode(&h, Some(&AduRepr::Objects { type_flag: flag, items: &items }));
        let sum_at = bytes.len() - 3;
        let candidates: Vec<usize> = (2..sum_at).filter(|&i| i != 24 && i != 25).collect();
        let i = candidates[pos.index(candidates.len())];
        bytes[i] = bytes[i].wrapping_add(delta);
        for mode in [Mode::Tolerant, Mode::Strict] {
            let e = gbt::decode(&bytes, Options { mode, verify_checksum: true }).unwrap_err();
            prop_assert_eq!(e.code(), ErrorCode::GbtBadChecksum);
            prop_assert_eq!(e.offset(), sum_at);
        }
    }

    /// A stream of garbage and packets: find_packet finds each packet where it starts.
    #[test]
    fn stream_resynchronises(garbage in proptest::collection::vec(any::<u8>(), 0..40), h in header(), split in any::<prop::sample::Index>()) {
        let packet = encode(&h, None);
        let garbage: Vec<u8> = garbage.into_iter().filter(|&b| b != b'@').collect();
        let mut stream = garbage.clone();
        stream.extend_from_slice(&packet);
        stream.extend_from_slice(&packet);
        prop_assert_eq!(gbt::find_packet(&stream), Found::Packet { start: garbage.len(), len: 30 });
        // Cut anywhere inside the first packet after its marker: more bytes are needed.
        let cut = garbage.len() + 2 + split.index(28);
        prop_assert_eq!(gbt::find_packet(&stream[..garbage.len() + 1]), Found::Nothing { keep_from: garbage.len() });
        prop_assert_eq!(gbt::find_packet(&stream[..cut]), Found::Incomplete { start: garbage.len() });
        prop_assert_eq!(gbt::find_packet(&garbage), Found::Nothing { keep_from: garbage.len() });
    }

    /// Answers echo the serial and the version and swap the addresses.
    #[test]
    fn answers_echo_and_swap(h in header(), t in time(), deny in any::<bool>()) {
        let kind = if deny { Answer::Deny } else { Answer::Confirm };
        let mut out = [0u8; 30];
        prop_assert_eq!(gbt::answer(&h, kind, t, &mut out).unwrap(), 30);
        let d = gbt::decode(&out, tolerant()).unwrap();
        let a = d.header();
        prop_assert_eq!((a.serial, a.version, a.time), (h.serial, h.version, t));
        prop_assert_eq!((a.source, a.destination), (h.destination, h.source));
        prop_assert_eq!(a.command, kind.command());
        prop_assert!(d.adu().is_none());
    }

    /// Descriptions: text → GB 18030 → text.
    #[test]
    fn description_text_round_trip(s in "[a-zA-Z0-9\u{4e00}-\u{9fa5}]{0,10}") {
        let d = Description::from_text(&s).unwrap();
        let t = d.text();
        prop_assert_eq!(t.as_str(), s.as_str());
        prop_assert!(!d.text().replaced());
        prop_assert!(!d.odd_padding());
    }

    /// Any 31 bytes decode to text without panicking.
    #[test]
    fn description_any_bytes(d in description()) {
        let t = d.text();
        prop_assert!(t.as_str().len() <= gbt::DescriptionText::CAPACITY);
        prop_assert_eq!(t.replaced(), !d.is_well_formed());
    }

    /// Time labels: ISO text round trip for valid labels.
    #[test]
    fn time_label_iso_round_trip(t in valid_time()) {
        prop_assert_eq!(TimeLabel::parse(&t.to_string()), Some(t));
    }

    /// ASCII-hex text of any bytes converts back to them.
    #[test]
    fn hex_text_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..200), upper in any::<bool>()) {
        let text: String = bytes.iter().map(|b| if upper { format!("{b:02X} ") } else { format!("{b:02x}") }).collect();
        let mut out = vec![0u8; 200];
        let n = gbt::decode_hex_text(text.as_bytes(), &mut out).unwrap();
        prop_assert_eq!(&out[..n], &bytes[..]);
    }
}

/// Run every entry point on arbitrary bytes; check strict ⊆ tolerant.
fn check_any(bytes: &[u8]) {
    let t = gbt::decode(bytes, tolerant());
    let s = gbt::decode(bytes, Options::STRICT);
    let _ = gbt::decode(
        bytes,
        Options {
            mode: Mode::Tolerant,
            verify_checksum: false,
        },
    );
    let _ = gbt::find_packet(bytes);
    let _ = gbt::peek_header(bytes);
    let mut out = [0u8; 64];
    let _ = gbt::decode_hex_text(bytes, &mut out);
    if let Ok(s) = &s {
        let t = t.as_ref().unwrap();
        assert!(s.deviations().is_empty());
        assert_eq!(s, t);
    }
    if let Ok(t) = &t {
        if let Some(a) = t.adu() {
            for item in a.items() {
                let _ = item.object.body_len();
            }
        }
        #[cfg(feature = "serde")]
        {
            let _ = serde_json::to_string(t).unwrap();
        }
    }
}

/// `gbt::encode` of `items` under `type_flag`, with the default header, into `out`.
fn encode_objects(type_flag: u8, items: &[Item<'_>], out: &mut [u8]) -> Result<usize, gbt::Error> {
    let adu = AduRepr::Objects { type_flag, items };
    gbt::encode(&Header::default(), Some(&adu), out)
}

#[test]
fn encode_rejects_what_it_cannot_build() {
    let h = Header::default();
    let mut out = [0u8; gbt::MAX_LEN];
    let one = [Item::new(Object::UitdStatus { status: 1 })];
    // Object of the wrong layout for the type flag.
    let e = encode_objects(2, &one, &mut out).unwrap_err();
    assert_eq!((e.code(), e.offset()), (ErrorCode::GbtTypeMismatch, 29));
    // Objects for a type flag table 3 does not define.
    let e = encode_objects(200, &one, &mut out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::GbtTypeMismatch);
    // No objects, and more than the type allows.
    let e = encode_objects(21, &[], &mut out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::GbtBadCount);
    let two = [one[0], one[0]];
    let e = encode_objects(21, &two, &mut out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::GbtBadCount);
    // ADU over 1024 bytes.
    let body = [0u8; 1023];
    let e = gbt::encode(
        &h,
        Some(&AduRepr::Raw {
            type_flag: 200,
            count: 1,
            body: &body,
        }),
        &mut out,
    )
    .unwrap_err();
    assert_eq!((e.code(), e.offset()), (ErrorCode::GbtLengthTooLarge, 24));
    // Buffer too small, at every size below the packet's.
    let ok = encode_objects(21, &one, &mut out).unwrap();
    for n in 0..ok {
        let mut small = vec![0u8; n];
        let e = encode_objects(21, &one, &mut small).unwrap_err();
        assert_eq!(e.code(), ErrorCode::BufferTooSmall, "size {n}");
    }
    // Configuration text over 255 bytes.
    let long = [b'a'; 256];
    let cfg = [Item::new(Object::UitdConfig { text: &long })];
    let e = encode_objects(26, &cfg, &mut out).unwrap_err();
    assert_eq!(e.code(), ErrorCode::GbtTextTooLong);
}

#[test]
fn missing_time_label_takes_the_header_time() {
    let h = Header {
        time: TimeLabel::new(2024, 5, 1, 12, 30, 0),
        ..Header::default()
    };
    let items = [Item::new(Object::UitdStatus { status: 1 })];
    let bytes = encode(
        &h,
        Some(&AduRepr::Objects {
            type_flag: 21,
            items: &items,
        }),
    );
    let d = gbt::decode(&bytes, tolerant()).unwrap();
    assert_eq!(d.adu().unwrap().items().next().unwrap().time, Some(h.time));
}
