//! Where an identifier is carried: one type for the declaration and, by its code, the frame's
//! identity announcement [FRAME-062] (`wire::CarrierKind` is this type). Needs no allocator: the
//! frame codec carries it on a device. (The enum's own doc is the JSON schema's description.)

crate::coded::coded_enum! {
    /// Where an industrial-internet identifier is carried (`identifiers.md` §9).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Carrier: u8 => serde {
        /// Passive: 2D code label.
        QrCode = 1, "qr_code";
        /// Passive: 1D barcode label.
        Barcode = 2, "barcode";
        /// Passive: NFC tag.
        Nfc = 3, "nfc";
        /// Passive: RFID tag.
        Rfid = 4, "rfid";
        /// Active: UICC / SIM card.
        Sim = 5, "sim";
        /// Active: communication module.
        Module = 6, "module";
        /// Active: MCU or secure chip.
        SecureChip = 7, "secure_chip";
    }
}

impl Carrier {
    /// Whether the carrier is active (reports the identifier by itself: ALM-5b, VLV-2b).
    pub const fn is_active(self) -> bool {
        matches!(self, Carrier::Sim | Carrier::Module | Carrier::SecureChip)
    }
}
