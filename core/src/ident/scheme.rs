//! The identifier schemes (`[IDENT-5]`), the forms an identifier is written in (`[IDENT-6]`) and
//! the levels of an 88-prefix: the names the JSON output and the bindings use.

/// An identifier scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scheme {
    /// National top-level node identifier (`88.` prefix), strict 88-profile.
    Idis,
    /// Generic Handle (RFC 3650 syntax), lenient.
    Handle,
    /// Object identifier, dotted decimal (X.660, GB/T 26231 limits).
    Oid,
    /// GS1 key with check digit (GTIN-8/12/13/14, SSCC).
    Gs1,
    /// GS1 Digital Link URI.
    Gs1DigitalLink,
    /// MA code (structure only, unverified).
    Ma,
    /// Ecode (structure only, unverified; never auto-detected).
    Ecode,
}

impl Scheme {
    /// Every scheme.
    pub const ALL: &'static [Scheme] = &[
        Scheme::Idis,
        Scheme::Handle,
        Scheme::Oid,
        Scheme::Gs1,
        Scheme::Gs1DigitalLink,
        Scheme::Ma,
        Scheme::Ecode,
    ];

    /// The name used in the JSON output: `idis`, `handle`, `oid`, `gs1`, `gs1_digital_link`,
    /// `ma`, `ecode`.
    pub const fn name(self) -> &'static str {
        match self {
            Scheme::Idis => "idis",
            Scheme::Handle => "handle",
            Scheme::Oid => "oid",
            Scheme::Gs1 => "gs1",
            Scheme::Gs1DigitalLink => "gs1_digital_link",
            Scheme::Ma => "ma",
            Scheme::Ecode => "ecode",
        }
    }

    /// The scheme with this JSON name.
    pub fn from_name(name: &str) -> Option<Scheme> {
        Scheme::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// Whether the scheme's rules were verified in a source; `false` for MA and Ecode, whose
    /// results are structure-only and must be presented as unverified.
    pub const fn is_verified(self) -> bool {
        !matches!(self, Scheme::Ma | Scheme::Ecode)
    }
}

impl core::fmt::Display for Scheme {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// How the identifier was written (`[IDENT-6]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Form {
    /// The identifier itself.
    Bare,
    /// `hdl:<handle>`.
    Hdl,
    /// `info:hdl/<handle>` (RFC 4452).
    InfoHdl,
    /// `http(s)://host/<path>` whose path carries a handle or a GS1 Digital Link.
    Url,
}

impl Form {
    /// The name used in the JSON output: `bare`, `hdl`, `info_hdl`, `url`.
    pub const fn name(self) -> &'static str {
        match self {
            Form::Bare => "bare",
            Form::Hdl => "hdl",
            Form::InfoHdl => "info_hdl",
            Form::Url => "url",
        }
    }
}

/// The level of an 88-prefix (reference §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdisLevel {
    /// `88.<node>`: secondary-node (二级) prefix.
    Node,
    /// `88.<node>.<enterprise>`: enterprise prefix.
    Enterprise,
    /// More segments: a derived sub-prefix.
    Derived,
}

impl IdisLevel {
    /// The name used in the JSON output: `node`, `enterprise`, `derived`.
    pub const fn name(self) -> &'static str {
        match self {
            IdisLevel::Node => "node",
            IdisLevel::Enterprise => "enterprise",
            IdisLevel::Derived => "derived",
        }
    }
}
