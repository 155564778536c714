//! The owned identifier (feature `alloc`): a validated identifier that owns its text, for
//! declarations, catalogues and reports. Parsing is the same as [`Ident::parse`]; the parsed
//! shape is kept, so [`OwnedIdent::as_ident`] never re-parses.

use alloc::string::String;

use super::{Ident, IdentError, Scheme};

/// A validated identifier that owns its text. Build it with `str::parse` ([`core::str::FromStr`])
/// or [`OwnedIdent::from_ident`]; with the `serde` feature it (de)serialises as the plain string
/// and rejects malformed identifiers when deserialising.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OwnedIdent {
    text: String,
    shape: Ident<'static>,
}

impl OwnedIdent {
    /// Copy a parsed identifier.
    pub fn from_ident(id: &Ident<'_>) -> OwnedIdent {
        OwnedIdent {
            text: String::from(id.as_str()),
            shape: Ident {
                input: "",
                form: id.form,
                body: id.body,
                url: id.url,
                repr: id.repr,
            },
        }
    }

    /// Parse as the given scheme (see [`Ident::parse_as`]).
    ///
    /// # Errors
    /// As [`Ident::parse_as`].
    pub fn parse_as(text: &str, scheme: Scheme) -> Result<OwnedIdent, IdentError> {
        Ident::parse_as(text, scheme).map(|id| OwnedIdent::from_ident(&id))
    }

    /// The borrowed view, with every accessor of [`Ident`].
    pub fn as_ident(&self) -> Ident<'_> {
        Ident {
            input: &self.text,
            form: self.shape.form,
            body: self.shape.body,
            url: self.shape.url,
            repr: self.shape.repr,
        }
    }

    /// The text exactly as given.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        self.shape.scheme()
    }

    /// Whether this is an item identifier rather than only a prefix.
    pub fn is_item(&self) -> bool {
        self.shape.is_item()
    }

    /// Give back the text.
    pub fn into_string(self) -> String {
        self.text
    }
}

impl core::str::FromStr for OwnedIdent {
    type Err = IdentError;

    fn from_str(s: &str) -> Result<OwnedIdent, IdentError> {
        Ident::parse(s).map(|id| OwnedIdent::from_ident(&id))
    }
}

impl core::fmt::Display for OwnedIdent {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.text)
    }
}

impl<'a> From<Ident<'a>> for OwnedIdent {
    fn from(id: Ident<'a>) -> OwnedIdent {
        OwnedIdent::from_ident(&id)
    }
}

crate::serde_names::serde_text!(
    OwnedIdent,
    "an industrial-internet identifier string",
    <OwnedIdent as core::str::FromStr>::from_str
);
