//! GB/T 26875.3-2011 fire-alarm transmission packets (`spec/gbt26875.md`).
//!
//! GB/T 26875.3-2011 《城市消防远程监控系统 第3部分：报警传输网络通信协议》 is what a fire control centre
//! (监控中心) speaks with the 用户信息传输装置 (UITD) on site: `@@ … ##` packets over TCP or UDP. Unit users
//! must connect gas leak alarm, automatic cut-off and monitoring signals to the fire control centre
//! (requirement PLT-4); this module decodes such packets, builds them, answers them, and maps libgasdev
//! alarm and valve states onto them.
//!
//! ## Contract
//!
//! - **No allocation, no panic.** [`decode`] borrows the input and returns views into it; [`encode`]
//!   and the session helpers write into caller buffers. Every failure is an [`Error`] carrying an
//!   [`ErrorCode`](crate::ErrorCode) (`GBT_*`, numbers 3xx) and the byte offset it refers to.
//! - **Strict and tolerant.** [`Mode::Strict`] accepts only conformant packets (for conformance
//!   tests). [`Mode::Tolerant`] also accepts what real devices send (the checklist in `spec/gbt26875.md`
//!   \[GBT-20\]..\[GBT-31\]) and reports each departure as a [`Deviation`]. Checksum, markers and
//!   lengths are verification errors in both modes (§6.5.3) \[GBT-3\].
//! - **Nothing is lost.** Unknown codes stay numbers; reserved and user-defined type flags pass
//!   through as raw bytes; the 31-byte GB 18030 descriptions keep their raw bytes next to the text.
//!
//! ## Layout (表1, §6.6)
//!
//! ```text
//! offset 0   2      4     6     12     18     24   26  27     27+L  28+L
//!        @@  serial ver   time  source dest   L    cmd ADU…   sum   ##
//! ```
//!
//! Multi-byte integers are low byte first. The checksum is `sum(bytes[2 .. 27+L]) mod 256`.

mod adu;
mod codes;
mod gb18030;
mod mapping;
mod packet;
mod session;
mod text;
mod time;

#[cfg(feature = "serde")]
mod json;

pub use adu::{Adu, AduRepr, ComponentId, Item, Items, Object, SystemId};
pub use codes::{
    AnalogType, BitSet, COMPONENT_STATUS_BITS, Layout, OPERATION_BITS, SYSTEM_STATUS_BITS, TYPES,
    TypeInfo, UITD_OPERATION_BITS, UITD_STATUS_BITS, analog_type, command_name, command_text,
    component_type_name, operation_bits, status_bits, system_type_name, type_info, type_name,
};
/// Which GB 18030 two-byte table this build decodes with: `"direct"` (host builds: one load per
/// character) or `"compact"` (wasm32, bare-metal targets, or the `compact-gb18030` feature).
pub use gb18030::TABLE as GB18030_TABLE;
pub use mapping::{
    Mapped, Point, Policy, Raise, Readings, Sensor, alarm_status_word, analog_value, map_alarm,
    map_frame, map_valve, valve_status_word,
};
pub use packet::{
    Address, Decoded, Found, Header, Version, checksum, decode, decode_hex_text, encode,
    find_packet, is_packet_input, looks_like_hex_text, peek_header,
};
pub use session::{Answer, SerialCounter, answer};
pub use text::{Description, DescriptionText, decode_text, encode_text};
pub use time::TimeLabel;

use crate::ErrorCode;

/// Start marker `@@` (表1: "固定值64，64").
pub const START: [u8; 2] = [0x40, 0x40];
/// End marker `##` (表1: "固定值35，35").
pub const END: [u8; 2] = [0x23, 0x23];
/// Bytes before the ADU: start marker and the 25-byte control unit.
pub const HEADER_LEN: usize = 27;
/// Bytes after the ADU: checksum and end marker.
pub const TRAILER_LEN: usize = 3;
/// The shortest packet (empty ADU).
pub const MIN_LEN: usize = HEADER_LEN + TRAILER_LEN;
/// The largest ADU length (表1: "应用数据单元长度 … 不应大于1024").
pub const MAX_ADU_LEN: usize = 1024;
/// The longest packet.
pub const MAX_LEN: usize = MIN_LEN + MAX_ADU_LEN;

/// Why a packet was rejected, or could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Error {
    code: ErrorCode,
    offset: usize,
}

impl Error {
    /// An error with its code and the byte offset it refers to.
    pub const fn new(code: ErrorCode, offset: usize) -> Error {
        Error { code, offset }
    }

    /// The shared error code (`GBT_*`, or `BUFFER_TOO_SMALL` / `INVALID_PARAMETER` when encoding).
    pub const fn code(self) -> ErrorCode {
        self.code
    }

    /// The byte offset into the input (decoding) or the output (encoding) the error refers to.
    pub const fn offset(self) -> usize {
        self.offset
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} at byte {}: {}",
            self.code.name(),
            self.offset,
            self.code.text().en
        )
    }
}

impl core::error::Error for Error {}

crate::coded::coded_enum! {
    /// How strictly [`decode`] checks a packet.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum Mode => serde {
        /// Accept what real devices send and report each [`Deviation`] (the default).
        #[default]
        Tolerant = "tolerant";
        /// Accept only conformant packets: the first deviation is an error.
        Strict = "strict";
    }
}

/// Options of [`decode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options {
    /// Strict or tolerant.
    pub mode: Mode,
    /// Reject a wrong checksum (the default, §6.5.3). When `false` the packet is decoded anyway
    /// and [`Decoded::checksum_ok`] tells the truth: for diagnosis only, never for acting on data.
    pub verify_checksum: bool,
}

impl Options {
    /// Tolerant decoding with checksum verification.
    pub const TOLERANT: Options = Options {
        mode: Mode::Tolerant,
        verify_checksum: true,
    };
    /// Strict decoding with checksum verification.
    pub const STRICT: Options = Options {
        mode: Mode::Strict,
        verify_checksum: true,
    };
}

impl Default for Options {
    fn default() -> Self {
        Options::TOLERANT
    }
}

macro_rules! deviations {
    ($( $(#[$doc:meta])* $variant:ident = $bit:literal, $name:literal, $code:ident, $zh:literal, $en:literal; )*) => {
        /// A departure from the standard that [`Mode::Tolerant`] accepts and [`Mode::Strict`] rejects
        /// (with [`Deviation::code`]). See the checklist in `spec/gbt26875.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Deviation {
            $( $(#[$doc])* $variant = $bit, )*
        }

        impl Deviation {
            /// Every deviation, in bit order.
            pub const ALL: &'static [Deviation] = &[ $( Deviation::$variant, )* ];

            /// The stable snake_case name used in the JSON form.
            pub const fn name(self) -> &'static str {
                match self {
                    $( Deviation::$variant => $name, )*
                }
            }

            /// A short description for people, in Chinese and English.
            pub const fn text(self) -> crate::Text {
                match self {
                    $( Deviation::$variant => crate::Text::new($zh, $en), )*
                }
            }

            /// The error strict mode reports for it.
            pub const fn code(self) -> ErrorCode {
                match self {
                    $( Deviation::$variant => ErrorCode::$code, )*
                }
            }
        }
    };
}

deviations! {
    /// Main version byte other than 1 (checklist row 1) \[GBT-20\].
    Version = 0, "version", GbtBadVersion, "主版本号不是 1", "main version is not 1";
    /// Empty ADU under a command that carries data: a heartbeat (row 2) \[GBT-21\].
    EmptyAdu = 1, "empty_adu", GbtBadAduLength, "携带数据的命令没有应用数据单元（心跳）", "empty ADU under a data command (heartbeat)";
    /// Objects sent without their per-object time labels (row 3) \[GBT-22\].
    MissingTimeLabels = 2, "missing_time_labels", GbtBadAduLength, "信息对象缺少时间标签", "objects sent without time labels";
    /// A known type whose ADU length fits no layout: kept as raw bytes (row 3) \[GBT-23\].
    ObjectsUnparsed = 3, "objects_unparsed", GbtBadAduLength, "长度与类型不符，信息对象按原始字节保留", "length fits no layout: objects kept raw";
    /// Object count 0, or above the type's maximum \[GBT-24\].
    CountOutOfRange = 4, "count_out_of_range", GbtBadCount, "信息对象数目超出范围", "object count out of range";
    /// Reserved command byte 0 or 7–127 (row 10) \[GBT-25\].
    ReservedCommand = 5, "reserved_command", GbtReservedCommand, "预留命令字节", "reserved command byte";
    /// Reserved type flag: passed through raw (row 5) \[GBT-26\].
    ReservedType = 6, "reserved_type", GbtReservedType, "预留类型标志，按原始字节保留", "reserved type flag: kept raw";
    /// A reserved bit or byte set, or a record count above 102 \[GBT-27\].
    ReservedField = 7, "reserved_field", GbtBadField, "预留位或预留字节非零，或字段超出范围", "reserved bit or byte set, or field out of range";
    /// A time label that is not a valid date and time (row 9) \[GBT-28\].
    BadTime = 8, "bad_time", GbtBadTime, "时间标签不是有效的日期时间", "time label is not a valid date and time";
    /// Description with leading NULs or bytes after its terminating NUL (row 4) \[GBT-29\].
    DescriptionPadding = 9, "description_padding", GbtBadText, "部件说明前有 NUL 或结尾有多余字节", "description with leading NULs or garbage after its end";
    /// Text that is not well-formed GB 18030, decoded with replacement characters (row 4) \[GBT-30\].
    TextMalformed = 10, "text_malformed", GbtBadText, "说明文字不是规范的 GB 18030", "text is not well-formed GB 18030";
    /// Bytes after the end marker \[GBT-31\].
    TrailingBytes = 11, "trailing_bytes", GbtTrailingBytes, "结束符后还有字节", "bytes after the end marker";
}

impl Deviation {
    const fn bit(self) -> u16 {
        1 << (self as u8)
    }
}

/// A set of [`Deviation`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Deviations(u16);

impl Deviations {
    /// The empty set.
    pub const NONE: Deviations = Deviations(0);

    /// Whether `d` is in the set.
    pub const fn contains(self, d: Deviation) -> bool {
        self.0 & d.bit() != 0
    }

    /// Add `d`.
    pub fn insert(&mut self, d: Deviation) {
        self.0 |= d.bit();
    }

    /// Whether the set is empty (a conformant packet).
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The members, in bit order.
    pub fn iter(self) -> impl Iterator<Item = Deviation> {
        Deviation::ALL
            .iter()
            .copied()
            .filter(move |d| self.contains(*d))
    }
}

/// Records deviations, or turns the first one into an error in strict mode.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checker {
    pub(crate) mode: Mode,
    pub(crate) found: Deviations,
}

impl Checker {
    pub(crate) const fn new(mode: Mode) -> Checker {
        Checker {
            mode,
            found: Deviations::NONE,
        }
    }

    /// Note `d` at `offset`: an error in strict mode, a recorded deviation in tolerant mode.
    pub(crate) fn note(&mut self, d: Deviation, offset: usize) -> Result<(), Error> {
        match self.mode {
            Mode::Strict => Err(Error::new(d.code(), offset)),
            Mode::Tolerant => {
                self.found.insert(d);
                Ok(())
            }
        }
    }
}
