//! Placeholder target (issue 4 fills it in once `gasdev::wire` lands).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = data.len();
});
