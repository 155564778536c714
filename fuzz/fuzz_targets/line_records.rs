//! The CLI's bounded line reader (`cli/src/lines.rs`: `gasdev inspect` JSON lines and CSV, `gasdev
//! ident -`), compiled here from its source (the CLI is a binary crate), with small limits drawn from
//! the first byte and a buffer size from the second, against an oracle: splitting the input at `\n`.
//! Every line comes out once, in order, numbered from 1: exactly its bytes (without `\r\n`) when it
//! fits, else `INPUT_LINE_TOO_LONG`; a run without a line break longer than the run limit ends the
//! input. Every line that is text also goes through the inspection record reader
//! (`api::parse_record`): no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("cli_lines.rs");

fuzz_target!(|data: &[u8]| {
    let [limits, cap, rest @ ..] = data else {
        return;
    };
    let max_line = usize::from(limits & 0x1f) + 1;
    let max_run = u64::from(limits >> 5) * 16 + 1;
    let reader = std::io::BufReader::with_capacity(usize::from(*cap % 16) + 1, rest);
    let mut lines = lines::Lines::with_limits(reader, max_line, max_run);
    let mut expect: Vec<&[u8]> = rest.split(|b| *b == b'\n').collect();
    if rest.is_empty() || rest.ends_with(b"\n") {
        expect.pop();
    }
    let mut n: u64 = 0;
    let mut ended = false;
    while let Some((no, line)) = lines.next_bytes() {
        assert!(!ended, "a line after the end of the input");
        n += 1;
        assert_eq!(no, n, "lines are numbered 1, 2, 3, …");
        let want = expect[(n - 1) as usize];
        let want = want.strip_suffix(b"\r").unwrap_or(want);
        match line {
            Ok(l) => {
                assert_eq!(l, want);
                assert!(l.len() <= max_line);
                if let Ok(text) = std::str::from_utf8(l) {
                    let _ = gasdev::api::parse_record(text);
                }
            }
            Err(e) => {
                assert_eq!(e.name, "INPUT_LINE_TOO_LONG");
                assert!(want.len() > max_line, "{} bytes refused", want.len());
                ended = e.message.en.starts_with("no line break");
            }
        }
    }
    if !ended {
        assert_eq!(n as usize, expect.len(), "every line comes out");
    }
});
