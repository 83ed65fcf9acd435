//! Little-endian packing shared by both formats: a reader that names what is
//! missing, writers for the integer and string fields, lowercase hex.

use crate::error::{ErrorKind, TokenError};

/// A little-endian reader over a byte slice that reports what is missing.
///
/// `what` names the structure being read ("token content", "message", ...),
/// so a `truncated` error says where the bytes ran out.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    pub bytes: &'a [u8],
    pub what: &'static str,
    /// Bytes consumed so far, for positions in messages.
    pub offset: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Reader { bytes, what, offset: 0 }
    }

    pub fn take(&mut self, n: usize, field: &str) -> Result<&'a [u8], TokenError> {
        if self.bytes.len() < n {
            return Err(TokenError::new(
                ErrorKind::Truncated,
                format!(
                    "truncated: the {} ends before its {field} at byte {} ({n} bytes needed, {} left); \
                     the token was probably cut short when it was copied",
                    self.what,
                    self.offset,
                    self.bytes.len()
                ),
            ));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        self.offset += n;
        Ok(head)
    }

    pub fn u16(&mut self, field: &str) -> Result<u16, TokenError> {
        let b = self.take(2, field)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub fn u32(&mut self, field: &str) -> Result<u32, TokenError> {
        let b = self.take(4, field)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn i16(&mut self, field: &str) -> Result<i16, TokenError> {
        Ok(self.u16(field)? as i16)
    }

    /// A `u16 length | bytes` string.
    pub fn string(&mut self, field: &str) -> Result<&'a [u8], TokenError> {
        let len = self.u16(field)? as usize;
        self.take(len, field)
    }

    /// A `u16 length | bytes` string that must be UTF-8 (`utf8` otherwise).
    pub fn utf8(&mut self, field: &str) -> Result<&'a str, TokenError> {
        let at = self.offset;
        let bytes = self.string(field)?;
        std::str::from_utf8(bytes).map_err(|e| {
            TokenError::new(
                ErrorKind::Utf8,
                format!(
                    "utf8: the {field} at byte {at} of the {} is not valid UTF-8 (bad byte at {} of the string)",
                    self.what,
                    e.valid_up_to()
                ),
            )
        })
    }

    pub fn finish(&self) -> Result<(), TokenError> {
        if self.bytes.is_empty() {
            Ok(())
        } else {
            Err(TokenError::new(
                ErrorKind::Trailing,
                format!(
                    "trailing: {} bytes are left over after the {} (from byte {})",
                    self.bytes.len(),
                    self.what,
                    self.offset
                ),
            ))
        }
    }
}

pub(crate) fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub(crate) fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A `u16 length | bytes` string. The caller has checked that the length fits.
pub(crate) fn put_string(out: &mut Vec<u8>, s: &[u8]) {
    debug_assert!(s.len() <= usize::from(u16::MAX));
    put_u16(out, s.len() as u16);
    out.extend_from_slice(s);
}

/// Lowercase hex of some bytes.
pub fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex() {
        assert_eq!(hex_lower(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }

    #[test]
    fn reader_reports_fields() {
        let mut r = Reader::new(&[1, 0, 2, 0, 0, 0, 0xff], "content");
        assert_eq!(r.u16("a").unwrap(), 1);
        assert_eq!(r.u32("b").unwrap(), 2);
        let e = r.u16("c").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Truncated);
        assert!(e.message().contains("its c at byte 6"), "{e}");
        assert_eq!(r.finish().unwrap_err().kind(), ErrorKind::Trailing);
        let mut r = Reader::new(&[2, 0, 0xc3, 0x28], "content");
        assert_eq!(r.utf8("channel name").unwrap_err().kind(), ErrorKind::Utf8);
        let mut out = Vec::new();
        put_string(&mut out, b"ab");
        put_u32(&mut out, 7);
        assert_eq!(out, [2, 0, b'a', b'b', 7, 0, 0, 0]);
    }
}
