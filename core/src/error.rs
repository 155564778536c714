//! The shared error table.
//!
//! `spec/errors.json` is normative: every error has a stable symbolic name and number, and the Rust,
//! C and JavaScript bindings expose the same names. Vectors assert names, never message text. The
//! test `core/tests/spec_sync.rs` fails if this table and the spec file ever differ.
//!
//! Number ranges: `0` success; `1xx` identifiers; `2xx` libgasdev frames; `3xx` GB/T 26875.3
//! packets; `4xx` input documents (declarations, catalogues, dates, prices); `9xx` binding boundary.
//! Retired numbers are never reused: they stay in the spec file with `"retired": true`.

use crate::text::Text;

macro_rules! error_table {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $name:literal, $zh:literal, $en:literal; )*) => {
        /// A stable error code from `spec/errors.json`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant = $code, )*
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [ErrorCode] = &[ $( ErrorCode::$variant, )* ];

            /// The stable number (the C `gasdev_result` value).
            pub const fn code(self) -> u16 {
                self as u16
            }

            /// The stable symbolic name, e.g. `FRAME_BAD_CRC`.
            pub const fn name(self) -> &'static str {
                match self {
                    $( ErrorCode::$variant => $name, )*
                }
            }

            /// A short description for people, in Chinese and English.
            pub const fn text(self) -> Text {
                match self {
                    $( ErrorCode::$variant => Text::new($zh, $en), )*
                }
            }

            /// The code with this number, if any.
            pub const fn from_code(code: u16) -> Option<ErrorCode> {
                match code {
                    $( $code => Some(ErrorCode::$variant), )*
                    _ => None,
                }
            }
        }
    };
}

error_table! {
    /// Success (used by the bindings only).
    Ok = 0, "OK", "成功", "success";

    // --- 1xx identifiers (module `ident`) ---
    /// The identifier is empty.
    IdentEmpty = 100, "IDENT_EMPTY", "标识为空", "identifier is empty";
    /// Bytes, or percent-escapes, that do not decode as UTF-8.
    IdentNotUtf8 = 101, "IDENT_NOT_UTF8", "标识不是有效的 UTF-8", "identifier is not valid UTF-8";
    /// A control character (C0, DEL, C1) or an invisible format character (bidi override, zero-width, BOM).
    IdentControlChar = 102, "IDENT_CONTROL_CHAR", "标识含控制字符或不可见格式字符", "identifier contains a control or invisible format character";
    /// White space at the start or the end of the identifier.
    IdentSurroundingSpace = 103, "IDENT_SURROUNDING_SPACE", "标识首尾有空白字符", "identifier begins or ends with white space";
    /// The identifier or one of its parts is longer than its documented limit.
    IdentTooLong = 104, "IDENT_TOO_LONG", "标识或其组成部分超过长度上限", "identifier or one of its parts exceeds its length limit";
    /// No identifier scheme matches the text.
    IdentUnknownScheme = 105, "IDENT_UNKNOWN_SCHEME", "无法识别的标识体系", "no identifier scheme matches";
    /// The text lacks the marker of the scheme that was asked for.
    IdentSchemeMismatch = 106, "IDENT_SCHEME_MISMATCH", "不符合所指定的标识体系", "not in the form of the requested scheme";
    /// The index form `300:<handle>` names a handle value, not an identifier.
    IdentIndexForm = 107, "IDENT_INDEX_FORM", "这是标识值索引形式（如 300:…），不是标识", "index form (300:…) names a handle value, not an identifier";
    /// An empty prefix segment, arc, field or path segment.
    IdentEmptySegment = 108, "IDENT_EMPTY_SEGMENT", "存在空的段（前缀段、弧或字段）", "empty segment (prefix segment, arc or field)";
    /// A character the rule at this position does not allow.
    IdentBadChar = 109, "IDENT_BAD_CHAR", "此处不允许该字符", "character not allowed here";
    /// A `/` with nothing after it.
    IdentNoSuffix = 110, "IDENT_NO_SUFFIX", "斜杠后缺少后缀", "nothing follows the slash (empty suffix)";
    /// A `%` not followed by two hexadecimal digits.
    IdentBadPercentEncoding = 111, "IDENT_BAD_PERCENT_ENCODING", "百分号编码无效", "malformed percent-encoding";
    /// Fewer prefix segments, arcs or fields than the scheme needs.
    IdentTooFewSegments = 112, "IDENT_TOO_FEW_SEGMENTS", "段数不足", "too few segments (prefix segments, arcs or fields)";
    /// An OID arc above its maximum (first arc 2; second arc 39 under 0 and 1).
    IdentArcOutOfRange = 113, "IDENT_ARC_OUT_OF_RANGE", "OID 弧超出范围", "OID arc out of range";
    /// A numeric arc written with a leading zero.
    IdentLeadingZero = 114, "IDENT_LEADING_ZERO", "数字弧有前导零", "numeric arc has a leading zero";
    /// A wrong number of digits or characters for this key or field.
    IdentBadLength = 115, "IDENT_BAD_LENGTH", "长度不符合该编码", "wrong length for this key or field";
    /// A GS1 check digit that does not match the data digits.
    IdentBadCheckDigit = 116, "IDENT_BAD_CHECK_DIGIT", "校验位错误", "check digit is wrong";
    /// A GS1 Digital Link qualifier unknown for the key or out of order.
    IdentBadQualifier = 117, "IDENT_BAD_QUALIFIER", "GS1 数字链接限定符未知或顺序错误", "unknown or misplaced GS1 Digital Link qualifier";
    /// A GS1 Digital Link primary key this library does not validate.
    IdentUnsupportedKey = 118, "IDENT_UNSUPPORTED_KEY", "不支持的 GS1 主键", "GS1 primary key not supported";
    /// Well formed, but only a prefix where an item identifier is required.
    IdentPrefixOnly = 119, "IDENT_PREFIX_ONLY", "只有前缀，不是物品标识", "only a prefix, not an item identifier";

    // --- 2xx libgasdev frames (module `wire`) ---
    /// The buffer is shorter than the frame it claims to hold.
    FrameTruncated = 200, "FRAME_TRUNCATED", "帧不完整", "frame is truncated";
    /// The frame does not start with the magic bytes `47 44` ("GD").
    FrameBadMagic = 201, "FRAME_BAD_MAGIC", "帧头标志错误（应为 47 44 即 \"GD\"）", "frame does not start with the magic bytes 47 44 (\"GD\")";
    /// The version byte is not a version this library decodes.
    FrameBadVersion = 202, "FRAME_BAD_VERSION", "不支持的帧版本", "unsupported frame version";
    /// The length field is too short for the header or for the message's fixed part.
    FrameBadLength = 203, "FRAME_BAD_LENGTH", "长度字段与报文不符", "length field does not fit the message";
    /// The length field (or a frame to emit) exceeds the 256-byte frame limit.
    FrameOversize = 204, "FRAME_OVERSIZE", "帧超过 256 字节", "frame would exceed 256 bytes";
    /// The CRC-32C does not match the frame's bytes.
    FrameBadCrc = 205, "FRAME_BAD_CRC", "CRC 校验失败", "CRC check failed";
    /// Bytes follow the end of a single frame that was expected to fill the input.
    FrameTrailingBytes = 206, "FRAME_TRAILING_BYTES", "帧后有多余字节", "bytes after the end of the frame";
    /// A fixed field holds a code or range the specification does not define (including reserved bits).
    FrameBadField = 207, "FRAME_BAD_FIELD", "字段取值未定义", "field value is not defined by the specification";
    /// A TLV header or value runs past the end of the message body.
    FrameTlvTruncated = 208, "FRAME_TLV_TRUNCATED", "TLV 超出报文体", "TLV runs past the end of the message body";
    /// TLV types are not in ascending order, a non-repeatable type repeats, or a type is 0.
    FrameTlvOrder = 209, "FRAME_TLV_ORDER", "TLV 顺序错误或重复", "TLVs out of ascending order, repeated, or of type 0";
    /// A known TLV has a length its type does not allow.
    FrameTlvLength = 210, "FRAME_TLV_LENGTH", "TLV 长度与类型不符", "TLV length does not fit its type";
    /// A TLV that the message requires is absent.
    FrameMissingField = 211, "FRAME_MISSING_FIELD", "缺少必需字段", "required field is missing";
    /// A text TLV is not valid UTF-8.
    FrameBadUtf8 = 212, "FRAME_BAD_UTF8", "文本不是有效的 UTF-8", "text is not valid UTF-8";
    /// A concentration is above its unit's maximum or its LEL basis is invalid.
    FrameBadConcentration = 213, "FRAME_BAD_CONCENTRATION", "浓度值无效（超出量程或爆炸下限基准无效）", "concentration out of range or LEL basis invalid";
    /// A trip reason on a valve that is neither closed nor closing, or the latch on a valve that is not closed.
    FrameInconsistentValve = 214, "FRAME_INCONSISTENT_VALVE", "阀门状态自相矛盾", "trip reason or manual-reset latch on a valve that is not closed";
    /// A command code this version does not define (the device answers with a NAK).
    FrameUnknownCommand = 215, "FRAME_UNKNOWN_COMMAND", "未知命令", "unknown command code";
    /// A command that would open a valve or clear its manual-reset latch remotely (VLV-0e).
    FrameForbiddenCommand = 216, "FRAME_FORBIDDEN_COMMAND", "禁止的命令：自闭阀关闭后须手动开启，不得远程开阀或复位", "forbidden command: a self-closing valve is never opened or unlatched remotely (VLV-0e)";
    /// The hex text of a frame is malformed: an odd number of digits or a character that is not a hex digit.
    FrameBadHex = 217, "FRAME_BAD_HEX", "帧的十六进制文本格式错误", "malformed hex text of a frame";
    /// A frame without the security TLV where authentication is required ([SEC-030]).
    FrameUnauthenticated = 218, "FRAME_UNAUTHENTICATED", "帧未经认证（缺少安全字段）", "frame is not authenticated (no security field)";
    /// A security TLV (type 255) whose length is not 14 ([SEC-021]).
    FrameBadSecurity = 219, "FRAME_BAD_SECURITY", "安全字段格式错误或被截短", "security field is malformed or truncated";
    /// A security suite id this version does not implement ([SEC-022]).
    FrameUnknownSuite = 220, "FRAME_UNKNOWN_SUITE", "未知的安全套件", "unknown security suite";
    /// A key id for which the receiver holds no key ([SEC-050]).
    FrameUnknownKeyId = 221, "FRAME_UNKNOWN_KEY_ID", "未知的密钥编号", "unknown key id";
    /// The SM4-CMAC tag does not verify ([SEC-024]).
    FrameBadTag = 222, "FRAME_BAD_TAG", "消息认证码错误（帧被篡改或密钥不符）", "authentication tag does not verify (frame altered or wrong key)";
    /// A counter already accepted, or older than the replay window ([SEC-040]).
    FrameReplay = 223, "FRAME_REPLAY", "重放的帧（计数器已用过或过旧）", "replayed frame (counter already seen or too old)";
    /// A counter further ahead of the highest accepted one than the receiver allows ([SEC-041]).
    FrameCounterJump = 224, "FRAME_COUNTER_JUMP", "帧计数器跳变过大", "frame counter jumps implausibly far ahead";
    /// The counter's last value, 0xFFFFFFFF, which is never used: the key must change ([SEC-042]).
    FrameCounterExhausted = 225, "FRAME_COUNTER_EXHAUSTED", "帧计数器已用尽，须更换密钥", "frame counter exhausted: the key must be changed";

    // --- 3xx GB/T 26875.3 packets (module `gbt26875`) ---
    /// The packet is shorter than its fixed parts or its declared length.
    GbtTruncated = 300, "GBT_TRUNCATED", "报文不完整", "packet is truncated";
    /// The start marker is not `@@` (`40 40`).
    GbtBadStart = 301, "GBT_BAD_START", "起始符不是 @@", "start marker is not @@";
    /// The end marker is not `##` (`23 23`).
    GbtBadEnd = 302, "GBT_BAD_END", "结束符不是 ##", "end marker is not ##";
    /// The additive checksum does not match the control unit and ADU bytes.
    GbtBadChecksum = 303, "GBT_BAD_CHECKSUM", "校验和错误", "checksum mismatch";
    /// The ADU length field is above 1024.
    GbtLengthTooLarge = 304, "GBT_LENGTH_TOO_LARGE", "应用数据单元长度超过 1024", "ADU length exceeds 1024";
    /// The input is ASCII hex text (`4040…`) instead of packet bytes.
    GbtAsciiHex = 305, "GBT_ASCII_HEX", "输入是十六进制文本而非二进制报文", "input is ASCII hex text, not packet bytes";
    /// The ADU length does not fit the type flag and the object count.
    GbtBadAduLength = 306, "GBT_BAD_ADU_LENGTH", "应用数据单元长度与类型标志和对象数目不符", "ADU length does not fit the type flag and object count";
    /// The object count is 0 or above the type's maximum.
    GbtBadCount = 307, "GBT_BAD_COUNT", "信息对象数目超出该类型的范围", "object count out of range for the type flag";
    /// The main version byte is not 1 (strict mode).
    GbtBadVersion = 308, "GBT_BAD_VERSION", "主版本号不是 1", "main version is not 1";
    /// The command byte is a reserved value (strict mode).
    GbtReservedCommand = 309, "GBT_RESERVED_COMMAND", "命令字节为预留值", "reserved command byte";
    /// The type flag is a reserved value (strict mode).
    GbtReservedType = 310, "GBT_RESERVED_TYPE", "类型标志为预留值", "reserved type flag";
    /// A reserved bit or byte is set, or a field is out of range (strict mode).
    GbtBadField = 311, "GBT_BAD_FIELD", "预留位或预留字节非零，或字段超出范围", "reserved bit or byte set, or field out of range";
    /// A time label is not a valid date and time (strict mode).
    GbtBadTime = 312, "GBT_BAD_TIME", "时间标签不是有效的日期时间", "time label is not a valid date and time";
    /// A description is not well-formed GB 18030 text followed by NUL or space padding (strict mode).
    GbtBadText = 313, "GBT_BAD_TEXT", "说明文字不是规范填充的 GB 18030 文本", "text is not well-formed, padded GB 18030";
    /// Bytes follow the end marker (strict mode).
    GbtTrailingBytes = 314, "GBT_TRAILING_BYTES", "结束符后还有字节", "bytes after the end marker";
    /// Text to encode does not fit its field (31 bytes, or 255 for configuration text).
    GbtTextTooLong = 315, "GBT_TEXT_TOO_LONG", "说明文字超过字段长度", "text does not fit its field";
    /// ASCII-hex text with a non-hex character or an odd number of digits.
    GbtBadHex = 316, "GBT_BAD_HEX", "十六进制文本无效", "malformed hex text";
    /// A state or reading that GB/T 26875.3 cannot express (unknown, or a unit without an analog type).
    GbtNotRepresentable = 317, "GBT_NOT_REPRESENTABLE", "该状态或读数无法用 GB/T 26875.3 表示", "state or reading cannot be expressed in GB/T 26875.3";
    /// An analog value that does not fit the signed 16-bit count.
    GbtValueOutOfRange = 318, "GBT_VALUE_OUT_OF_RANGE", "模拟量超出 16 位有符号整数范围", "analog value out of the 16-bit range";
    /// An information object to encode does not match the ADU's type flag.
    GbtTypeMismatch = 319, "GBT_TYPE_MISMATCH", "信息对象与类型标志不符", "information object does not match the type flag";

    // --- 4xx input documents ---
    /// The input is empty.
    InputEmpty = 400, "INPUT_EMPTY", "输入为空", "input is empty";
    /// The input is not well-formed JSON.
    InputJsonSyntax = 401, "INPUT_JSON_SYNTAX", "JSON 语法错误", "malformed JSON";
    /// A JSON value has the wrong type.
    InputJsonType = 402, "INPUT_JSON_TYPE", "JSON 值类型错误", "JSON value has the wrong type";
    /// A field that is not part of the schema.
    InputUnknownField = 403, "INPUT_UNKNOWN_FIELD", "未知字段", "unknown field";
    /// A required field is missing.
    InputMissingField = 404, "INPUT_MISSING_FIELD", "缺少必填字段", "missing required field";
    /// An enumerated value (kind, tier, gas…) that is not in the schema.
    InputUnknownValue = 405, "INPUT_UNKNOWN_VALUE", "未知取值", "unknown enumerated value";
    /// A date that is not a valid `YYYY-MM-DD` calendar date.
    InputBadDate = 406, "INPUT_BAD_DATE", "日期无效", "invalid date";
    /// A price that is not a non-negative yuan amount with at most two decimals.
    InputBadPrice = 407, "INPUT_BAD_PRICE", "价格无效", "invalid price";
    /// A concentration value out of range or with a missing unit or LEL basis.
    InputBadConcentration = 408, "INPUT_BAD_CONCENTRATION", "浓度值无效", "invalid concentration";
    /// The document is neither a declaration nor a catalogue.
    InputUnknownDocument = 409, "INPUT_UNKNOWN_DOCUMENT", "无法识别的文件类型", "neither a declaration nor a catalogue";
    /// The file could not be read.
    InputIo = 410, "INPUT_IO", "文件读取失败", "file could not be read";
    /// A value is well-typed but not allowed (out of range, duplicated, contradictory).
    InputInvalidValue = 411, "INPUT_INVALID_VALUE", "取值不合法", "value is not allowed";
    /// A 统一社会信用代码 that is not valid under GB 32100-2015 (set, length, check characters).
    InputBadCreditCode = 412, "INPUT_BAD_CREDIT_CODE", "统一社会信用代码无效", "invalid unified social credit code";
    /// The input is larger than its documented size limit (`--max-input-bytes`).
    InputTooLarge = 413, "INPUT_TOO_LARGE", "输入超过大小上限", "input exceeds its size limit";
    /// A line of a line-oriented input is longer than its documented limit.
    InputLineTooLong = 414, "INPUT_LINE_TOO_LONG", "行超过长度上限", "line exceeds its length limit";
    /// A directory entry that is not a regular file (FIFO, device, socket): skipped without being opened.
    InputNotRegularFile = 415, "INPUT_NOT_REGULAR_FILE", "不是普通文件（管道、设备或套接字），未读取", "not a regular file (FIFO, device or socket): not read";
    /// A CSV row whose quoted field is not closed on the same line.
    CsvUnterminatedQuote = 416, "CSV_UNTERMINATED_QUOTE", "CSV 行内引号未闭合（带引号的字段不得跨行）", "unterminated quote in a CSV row (a quoted field may not span lines)";
    /// A CSV row with more or fewer fields than the header.
    CsvFieldCount = 417, "CSV_FIELD_COUNT", "CSV 行的字段数与表头不同", "CSV row has a different number of fields than the header";
    /// A household's CSV rows are interrupted by another household's rows.
    CsvHouseholdSplit = 418, "CSV_HOUSEHOLD_SPLIT", "同一户的 CSV 行不连续", "rows of one household are not consecutive";

    // --- 9xx binding boundary ---
    /// A required pointer argument was NULL.
    NullParameter = 900, "NULL_PARAMETER", "参数为空指针", "a required pointer was NULL";
    /// The caller's output buffer is too small; the needed size is reported.
    BufferTooSmall = 901, "BUFFER_TOO_SMALL", "输出缓冲区太小", "output buffer is too small";
    /// An argument is out of its documented range.
    InvalidParameter = 902, "INVALID_PARAMETER", "参数无效", "invalid parameter";
    /// Text input is not valid UTF-8.
    NotUtf8 = 903, "NOT_UTF8", "文本不是有效的 UTF-8", "text is not valid UTF-8";
    /// A panic was caught at the boundary (a bug: please report it).
    Panic = 999, "PANIC", "内部错误", "internal error (panic caught at the boundary)";
}

impl ErrorCode {
    /// The code with this symbolic name, if any.
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl core::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}
